package io.orrery.model.check;

/** JSON pointers as users read them: {@code /storage/0/size/min} as {@code storage[0].size.min}. */
public final class ParsedPointers {
    private ParsedPointers() {}

    public static String dotted(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            String key = part.replace("~1", "/").replace("~0", "~");
            if (key.chars().allMatch(Character::isDigit)) {
                out.append('[').append(key).append(']');
            } else {
                out.append(out.isEmpty() ? "" : ".").append(key);
            }
        }
        return out.toString();
    }
}
