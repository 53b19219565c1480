package io.orrery.server;

import io.orrery.model.codec.Format;
import java.util.Locale;
import java.util.Optional;

/** Content-Type and Accept, for the two formats every broker speaks and their common aliases. */
final class MediaTypes {
    private MediaTypes() {}

    /** The format of a media type such as {@code application/yaml; charset=utf-8}, if it is one of ours. */
    static Optional<Format> format(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String t = mediaType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "application/json", "text/json" -> Optional.of(Format.JSON);
            case "application/yaml", "text/yaml", "application/x-yaml", "text/x-yaml", "application/yml" ->
                    Optional.of(Format.YAML);
            default -> t.endsWith("+json") ? Optional.of(Format.JSON)
                    : t.endsWith("+yaml") ? Optional.of(Format.YAML) : Optional.empty();
        };
    }

    /**
     * The format to answer in: the first acceptable one in Accept (by quality), else fallback when Accept is absent
     * or accepts anything; empty when nothing acceptable is ours (406).
     */
    static Optional<Format> answer(String accept, Format fallback) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(fallback);
        }
        Format best = null;
        double bestQ = -1;
        for (String part : accept.split(",")) {
            String[] bits = part.split(";");
            String type = bits[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < bits.length; i++) {
                String b = bits[i].trim();
                if (b.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(b.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            Format f = type.equals("*/*") || type.equals("application/*") || type.equals("text/*") ? fallback
                    : format(type).orElse(null);
            if (f != null && q > 0 && q > bestQ) {
                best = f;
                bestQ = q;
            }
        }
        return Optional.ofNullable(best);
    }
}
