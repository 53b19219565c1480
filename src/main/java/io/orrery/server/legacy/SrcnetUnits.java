package io.orrery.server.legacy;

import java.util.Locale;

/**
 * How the SRCNet compute API's bare numbers are read; the prototype's field descriptions say memory and data sizes in
 * GB and runtime in hours, which is the default. Sizes are read as binary multiples (GB as GiB, as the broker counts).
 *
 * @param memory  unit of {@code memory}: K, M, G or T
 * @param data    unit of {@code data_size} and {@code output_data_size}: K, M, G or T
 * @param runtime unit of {@code runtime}: s, m, h or d
 */
public record SrcnetUnits(String memory, String data, String runtime) {
    public static final SrcnetUnits DEFAULT = new SrcnetUnits("G", "G", "h");

    /** Reads {@code memory=GB,data=GB,runtime=h} (any subset; the rest as {@link #DEFAULT}). */
    public static SrcnetUnits parse(String text) {
        SrcnetUnits u = DEFAULT;
        if (text == null || text.isBlank()) {
            return u;
        }
        for (String part : text.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("'" + part.trim() + "' should be NAME=UNIT, such as memory=GB");
            }
            String name = kv[0].trim().toLowerCase(Locale.ROOT);
            String unit = kv[1].trim();
            switch (name) {
                case "memory" -> u = new SrcnetUnits(size(unit), u.data, u.runtime);
                case "data", "data_size" -> u = new SrcnetUnits(u.memory, size(unit), u.runtime);
                case "runtime" -> u = new SrcnetUnits(u.memory, u.data, time(unit));
                default -> throw new IllegalArgumentException("unknown SRCNet unit '" + kv[0].trim()
                        + "': use memory, data or runtime");
            }
        }
        return u;
    }

    private static String size(String unit) {
        String u = unit.toUpperCase(Locale.ROOT).replaceFirst("I?B$", "");
        if (!u.matches("[KMGT]")) {
            throw new IllegalArgumentException("'" + unit + "' is not a size unit: use KB, MB, GB or TB");
        }
        return u;
    }

    private static String time(String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        String t = switch (u) {
            case "s", "sec", "seconds" -> "s";
            case "m", "min", "minutes" -> "m";
            case "h", "hours" -> "h";
            case "d", "days" -> "d";
            default -> throw new IllegalArgumentException("'" + unit + "' is not a time unit: use s, m, h or d");
        };
        return t;
    }

    /** As written on the command line and in {@code GET /}. */
    public String text() {
        return "memory=" + memory + "B,data=" + data + "B,runtime=" + runtime;
    }
}
