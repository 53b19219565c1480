package io.orrery.broker.session;

import java.util.regex.Pattern;

/**
 * The names a session's outputs may have, checked before they reach a URL, a file system or an adapter:
 * {@code stdout}, {@code stderr}, {@code exit}, or {@code outputs/} followed by one or more segments of letters,
 * digits, {@code . _ + -} (never {@code .} or {@code ..}, never empty, no backslash, no percent sign). Such a name,
 * resolved under a directory, stays in it.
 */
public final class OutputName {
    /** The longest name accepted, in characters. */
    public static final int MAX_LENGTH = 512;
    private static final int MAX_SEGMENTS = 32;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._+-]+");

    private OutputName() {}

    /** The name, if it is one an output may have; otherwise an IllegalArgumentException saying why. */
    public static String check(String name) {
        String problem = problem(name);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return name;
    }

    public static boolean valid(String name) {
        return problem(name) == null;
    }

    /** Why the name is not one an output may have, or null when it is. */
    public static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "an output name is needed (stdout, stderr, exit or outputs/NAME)";
        }
        if (name.length() > MAX_LENGTH) {
            return "an output name is at most " + MAX_LENGTH + " characters";
        }
        String shown = "'" + printable(name) + "'";
        if (name.equals("stdout") || name.equals("stderr") || name.equals("exit")) {
            return null;
        }
        if (!name.startsWith("outputs/")) {
            return shown + " is not an output: use stdout, stderr, exit or outputs/NAME";
        }
        if (name.indexOf('\\') >= 0) {
            return shown + " has a backslash: output names separate folders with '/'";
        }
        String[] segments = name.substring("outputs/".length()).split("/", -1);
        if (segments.length > MAX_SEGMENTS) {
            return shown + " is nested deeper than " + MAX_SEGMENTS + " folders";
        }
        for (String s : segments) {
            if (s.isEmpty()) {
                return shown + " has an empty folder or file name";
            }
            if (s.equals(".") || s.equals("..")) {
                return shown + " has a '" + s + "' segment: output names cannot leave the session's outputs";
            }
            if (!SEGMENT.matcher(s).matches()) {
                return shown + " has characters outside letters, digits and . _ + - (in '" + printable(s) + "')";
            }
        }
        return null;
    }

    /** The name with control and non-ASCII characters shown as {@code \\uXXXX}, so an error message stays one line. */
    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        String cut = s.length() > 80 ? s.substring(0, 80) : s;
        for (char c : cut.toCharArray()) {
            if (c < 0x20 || c > 0x7e) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return s.length() > 80 ? b + "..." : b.toString();
    }
}
