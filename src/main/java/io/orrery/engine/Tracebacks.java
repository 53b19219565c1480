package io.orrery.engine;

/** Python's error reports, as a program or nbconvert writes them to standard error. */
final class Tracebacks {
    private Tracebacks() {
    }

    /** The last {@code Name: message} line of a Python error in the text (at most 300 characters), or null. */
    static String lastError(String text) {
        String found = null;
        for (String line : text.split("\\R")) {
            if (line.matches("[A-Za-z_][A-Za-z0-9_.]*(Error|Exception|Interrupt|Exit)\\b.*")
                    && !line.startsWith("CellExecutionError") && !line.startsWith("nbclient")) {
                found = line.strip();
            }
        }
        return found == null ? null : found.length() > 300 ? found.substring(0, 300) + "…" : found;
    }
}
