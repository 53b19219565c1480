package io.orrery.workbench.editor;

import java.util.List;

/** One field of the request form: where it lives in the document, and what it holds. */
public record FormField(String id, String label, List<String> path, Type type, String hint) {
    /** How the field's text maps to a YAML value. */
    public enum Type {
        TEXT, INTEGER, WORDS, KIND
    }

    /** The fields of the form, in the order they are shown. */
    public static final List<FormField> ALL = List.of(
            new FormField("executableKind", "Executable kind", List.of("executable", "kind"), Type.KIND,
                    "docker-container, jupyter-notebook or singularity-container"),
            new FormField("image", "Image", List.of("executable", "image", "locations"), Type.WORDS,
                    "registry/namespace/name:tag (several separated by spaces)"),
            new FormField("digest", "Digest", List.of("executable", "image", "digest"), Type.TEXT, "sha256:..."),
            new FormField("command", "Command", List.of("executable", "command"), Type.WORDS, "arguments, by spaces"),
            new FormField("location", "Notebook or image URL", List.of("executable", "location"), Type.TEXT,
                    "for notebooks and Singularity images"),
            new FormField("coresMin", "Cores, at least", List.of("compute", "cores", "min"), Type.INTEGER, ""),
            new FormField("coresMax", "Cores, at most", List.of("compute", "cores", "max"), Type.INTEGER, ""),
            new FormField("memoryMin", "Memory GiB, at least", List.of("compute", "memory", "min"), Type.INTEGER, ""),
            new FormField("memoryMax", "Memory GiB, at most", List.of("compute", "memory", "max"), Type.INTEGER, ""),
            new FormField("start", "Start window", List.of("schedule", "requested", "start"), Type.TEXT,
                    "2027-03-01T09:00:00Z/PT3H or start/end"),
            new FormField("duration", "Duration", List.of("schedule", "requested", "duration"), Type.TEXT, "PT2H"));

    /** The YAML value for the field's text (null removes the key); throws NumberFormatException for a bad number. */
    public Object value(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return null;
        }
        return switch (type) {
            case INTEGER -> Long.parseLong(t);
            case WORDS -> List.of(t.split("\\s+"));
            case KIND -> t.contains("/") ? t : io.orrery.model.Kind.find("executable", t)
                    .map(io.orrery.model.Kind::uri).orElse(t);
            case TEXT -> t;
        };
    }
}
