package io.orrery.workbench.editor;

import java.util.List;

/**
 * One field of the request form: its section, where it lives in the document (a path of keys and list indices;
 * a segment {@code #TYPE} means "the item whose type is TYPE"), what it holds, and its choices, if any.
 */
public record FormField(String id, String section, String label, List<String> path, Type type, String hint,
                        List<String> choices) {
    /** How the field's text maps to a YAML value. */
    public enum Type {
        TEXT, INTEGER, DECIMAL, WORDS, KIND, CHOICE, DURATION, INTERVAL
    }

    /** The fields every request has, in the order they are shown. */
    public static final List<FormField> ALL = List.of(
            of("executableKind", "Executable", "Kind", Type.KIND, "docker-container, jupyter-notebook, singularity-container or python-program",
                    "executable", "kind"),
            of("image", "Executable", "Image", Type.WORDS, "registry/namespace/name:tag (several separated by spaces)",
                    "executable", "image", "locations"),
            of("digest", "Executable", "Digest", Type.TEXT, "sha256:...", "executable", "image", "digest"),
            of("command", "Executable", "Command", Type.WORDS, "arguments, by spaces", "executable", "command"),
            of("location", "Executable", "Notebook, program or image URL", Type.TEXT,
                    "for notebooks, Python programs and Singularity images",
                    "executable", "location"),
            of("coresMin", "Compute", "Cores, at least", Type.INTEGER, "", "compute", "cores", "min"),
            of("coresMax", "Compute", "Cores, at most", Type.INTEGER, "", "compute", "cores", "max"),
            of("memoryMin", "Compute", "Memory GiB, at least", Type.INTEGER, "", "compute", "memory", "min"),
            of("memoryMax", "Compute", "Memory GiB, at most", Type.INTEGER, "", "compute", "memory", "max"),
            of("start", "Schedule", "Start window", Type.INTERVAL, "2027-03-01T09:00:00Z/3h or start/end",
                    "schedule", "requested", "start"),
            of("duration", "Schedule", "Duration", Type.DURATION, "3h, 90m, 1d 2h or PT2H",
                    "schedule", "requested", "duration"),
            of("capMoney", "Caps and floors", "Cost, at most", Type.DECIMAL, "in the broker's currency",
                    "costs", "#urn:ivoa:calycopis:cost:monetary", "max"),
            of("capEnergy", "Caps and floors", "Energy kWh, at most", Type.DECIMAL, "",
                    "costs", "#urn:ivoa:calycopis:cost:energy", "max"),
            of("capCarbon", "Caps and floors", "Carbon gCO2, at most", Type.DECIMAL, "",
                    "costs", "#urn:ivoa:calycopis:cost:carbon", "max"),
            of("floorPerformance", "Caps and floors", "Benchmark, at least", Type.DECIMAL, "compute performance",
                    "metrics", "#urn:ivoa:calycopis:metric:compute-performance", "min"));

    static FormField of(String id, String section, String label, Type type, String hint, String... path) {
        return new FormField(id, section, label, List.of(path), type, hint, List.of());
    }

    /**
     * The YAML value for the field's text (null removes the key): durations typed as {@code 3h} or {@code 1d 2h} are
     * written in ISO-8601, a kind by its short name as its URI. Throws NumberFormatException for a bad number,
     * IllegalArgumentException (saying why) for a duration or start window that does not read, an unknown kind, or
     * an empty kind (the executable must keep one).
     */
    public Object value(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() && type == Type.KIND) {
            throw new IllegalArgumentException("every executable needs a kind: " + hint);
        }
        if (t.isEmpty()) {
            return null;
        }
        return switch (type) {
            case INTEGER -> Long.parseLong(t);
            case DECIMAL -> Double.parseDouble(t);
            case WORDS -> List.of(t.split("\\s+"));
            case KIND -> t.contains("/") ? t : io.orrery.model.Kind.find("executable", t)
                    .map(io.orrery.model.Kind::uri).orElseThrow(() -> new IllegalArgumentException("'" + t
                            + "' is not a kind of executable: " + hint));
            case DURATION -> HumanDuration.iso(t);
            case INTERVAL -> HumanDuration.interval(t);
            case TEXT, CHOICE -> t;
        };
    }

    /** The index segment for "the item whose type is", or null. */
    public String typedItem() {
        return path.stream().filter(s -> s.startsWith("#")).map(s -> s.substring(1)).findFirst().orElse(null);
    }
}
