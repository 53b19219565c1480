package io.orrery.engine.slurm;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code scontrol show ... -o}: one record a line of {@code Key=Value} pairs (a value may hold spaces only in
 * the last pair of some records; it never matters for the keys read here), times in the cluster's local time.
 */
final class SlurmRecords {
    private SlurmRecords() {
    }

    static List<Map<String, String>> parse(String text) {
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank() || !line.contains("=")) {
                continue;
            }
            Map<String, String> record = new LinkedHashMap<>();
            for (String pair : line.strip().split("\\s+")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    record.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
            out.add(record);
        }
        return out;
    }

    /** A time as scontrol writes it ({@code 2026-12-01T17:03:30}, the cluster's zone), if it is one. */
    static Optional<Instant> time(String text, ZoneId zone) {
        if (text == null || text.isBlank() || text.equals("Unknown") || text.equals("None")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static long number(String text, long otherwise) {
        try {
            return text == null ? otherwise : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** GPUs in a GRES string such as {@code gpu:a100:4,gpu:t4:2} or {@code gpu:2(S:0)}, by model. */
    static Map<String, Long> gpus(String gres) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (gres == null || gres.equals("(null)") || gres.isBlank()) {
            return out;
        }
        for (String item : gres.split(",")) {
            String[] parts = item.replaceAll("\\(.*\\)", "").split(":");
            if (parts.length >= 2 && parts[0].equals("gpu")) {
                String model = parts.length == 3 ? parts[1] : "gpu";
                out.merge(model, number(parts[parts.length - 1], 0), Long::sum);
            }
        }
        return out;
    }
}
