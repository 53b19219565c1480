package io.orrery.server;

import io.orrery.model.codec.Format;
import java.util.Locale;
import java.util.Optional;

/**
 * Content-Type and Accept, for the two formats every broker speaks and their common aliases. Written for what
 * clients really send: parameters ({@code charset}, {@code q}), stray or doubled semicolons and commas, empty
 * parts, upper case and unreadable quality values are all read without failing.
 */
final class MediaTypes {
    private MediaTypes() {}

    /** The format of a media type such as {@code application/yaml; charset=utf-8}, if it is one of ours. */
    static Optional<Format> format(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        int semi = mediaType.indexOf(';');
        String t = (semi < 0 ? mediaType : mediaType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
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
        double bestQ = 0;
        boolean any = false;
        for (String part : accept.split(",")) {
            String[] bits = part.split(";");
            String type = bits.length == 0 ? "" : bits[0].trim().toLowerCase(Locale.ROOT);
            if (type.isEmpty()) {
                continue;
            }
            any = true;
            double q = quality(bits);
            Format f = type.equals("*/*") || type.equals("application/*") || type.equals("text/*") ? fallback
                    : format(type).orElse(null);
            if (f != null && q > bestQ) {
                best = f;
                bestQ = q;
            }
        }
        return any ? Optional.ofNullable(best) : Optional.of(fallback);
    }

    /** The q parameter, 1 when absent; an unreadable one counts as 0 (not acceptable), as RFC 9110 allows. */
    private static double quality(String[] bits) {
        double q = 1;
        for (int i = 1; i < bits.length; i++) {
            String b = bits[i].trim().toLowerCase(Locale.ROOT);
            if (b.startsWith("q=")) {
                try {
                    q = Double.parseDouble(b.substring(2).trim());
                } catch (NumberFormatException e) {
                    q = 0;
                }
                if (!(q >= 0 && q <= 1)) {
                    q = 0;
                }
            }
        }
        return q;
    }
}
