package io.orrery.model.codec;

import java.nio.file.Path;
import java.util.Locale;

/** The two serialisations every broker speaks. */
public enum Format {
    YAML("application/yaml"), JSON("application/json");

    private final String mediaType;

    Format(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** JSON for a {@code .json} file or text that opens with a brace, else YAML. */
    public static Format guess(Path file, String text) {
        if (file != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            return JSON;
        }
        return text.stripLeading().startsWith("{") ? JSON : YAML;
    }

    public static Format byName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
