package io.orrery.workbench.editor;

import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import java.nio.file.Path;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * File names for tasks: what Save as proposes (the task's {@code meta.name}, or its executable's, with
 * {@code .yaml}) and the extension added to a name typed without one, so that the file is listed in My tasks.
 */
public final class TaskNames {
    private TaskNames() {}

    /** The file name Save as proposes for this text: its name in {@code .yaml}, else the file's, else task.yaml. */
    public static String proposal(String text, Path file) {
        String name = "";
        try {
            JsonNode tree = WireCodec.read(text, Format.guess(file, text)).tree();
            name = tree.path("meta").path("name").asString("");
            if (name.isBlank()) {
                name = tree.path("executable").path("meta").path("name").asString("");
            }
        } catch (RuntimeException unreadable) {
            // no name to read: fall back on the file's
        }
        if (name.isBlank() && file != null) {
            name = file.getFileName().toString().replaceFirst("(?i)\\.(ya?ml|json)$", "");
        }
        String safe = name.strip().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
        return (safe.isEmpty() ? "task" : safe) + ".yaml";
    }

    /** The path with {@code .yaml} added when its name has none of .yaml, .yml or .json. */
    public static Path withExtension(Path chosen) {
        String name = chosen.getFileName().toString();
        return hasExtension(name) ? chosen : chosen.resolveSibling(name + ".yaml");
    }

    static boolean hasExtension(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }
}
