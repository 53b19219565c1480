package io.orrery.broker.whatif;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Background load for a scenario platform, as a user names it: {@code none}; {@code synthetic:rate=60,cores=1..32,
 * hours=0.5..6,seed=1} (every part optional); {@code trace:NAME} for a bundled trace ({@code trace:small-cluster});
 * or the path of a Standard Workload Format file.
 */
public interface Load {
    /** The bundled traces. */
    List<String> BUNDLED = List.of("small-cluster");

    /** The jobs submitted within the first span of the load, in submit order. */
    List<TraceJob> jobs(Duration span);

    /**
     * The jobs for a replay whose second 0 is origin: a trace or a synthetic load is relative to origin anyway; a
     * snapshot of a real queue places its jobs at their own times.
     */
    default List<TraceJob> jobs(Duration span, java.time.Instant origin) {
        return jobs(span);
    }

    /**
     * Whether its jobs are booked at their own times, to the second (a snapshot of a real queue), rather than at the
     * first whole minute they fit from their submit time (a trace replayed).
     */
    default boolean exact() {
        return false;
    }

    /** What it is, in words. */
    String describe();

    Load NONE = new Load() {
        @Override
        public List<TraceJob> jobs(Duration span) {
            return List.of();
        }

        @Override
        public String describe() {
            return "no background load";
        }
    };

    static Load parse(String spec) {
        String s = spec.strip();
        if (s.isEmpty() || s.equals("none")) {
            return NONE;
        }
        if (s.startsWith("synthetic")) {
            return synthetic(s.substring("synthetic".length()).replaceFirst("^:", ""));
        }
        if (s.startsWith("trace:")) {
            String name = s.substring("trace:".length());
            if (!BUNDLED.contains(name)) {
                throw new TraceFormatException("no bundled trace '" + name + "'; there is " + String.join(", ", BUNDLED)
                        + " (or give the path of an SWF file)");
            }
            try (InputStream in = Load.class.getResourceAsStream(name + ".swf")) {
                return traced(SwfTrace.read(new InputStreamReader(in, StandardCharsets.UTF_8), "trace:" + name), s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path p = Path.of(s);
        if (!Files.isRegularFile(p)) {
            throw new TraceFormatException("'" + s + "' is not a load: give none, synthetic:rate=..., trace:NAME or the"
                    + " path of an SWF file");
        }
        try {
            return traced(SwfTrace.read(Files.newBufferedReader(p, StandardCharsets.UTF_8), s), s);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + s + ": " + e.getMessage(), e);
        }
    }

    private static Load traced(SwfTrace.Trace trace, String name) {
        return new Load() {
            @Override
            public List<TraceJob> jobs(Duration span) {
                long end = span.toSeconds();
                return trace.jobs().stream().takeWhile(j -> j.submit() <= end).toList();
            }

            @Override
            public String describe() {
                return name + " (" + trace.jobs().size() + " jobs" + (trace.skipped() == 0 ? "" : ", " + trace.skipped()
                        + " that never ran skipped") + ")";
            }
        };
    }

    private static Load synthetic(String args) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String part : args.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new TraceFormatException("synthetic load: '" + part + "' is not NAME=VALUE");
            }
            kv.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        for (String k : kv.keySet()) {
            if (!List.of("rate", "cores", "hours", "seed").contains(k)) {
                throw new TraceFormatException("synthetic load: unknown setting '" + k + "' (rate, cores, hours, seed)");
            }
        }
        try {
            String[] cores = range(kv.getOrDefault("cores", "1..32"), "cores");
            String[] hours = range(kv.getOrDefault("hours", "0.5..6"), "hours");
            SyntheticLoad gen = new SyntheticLoad(Double.parseDouble(kv.getOrDefault("rate", "60").replace("/h", "")),
                    Long.parseLong(cores[0]), Long.parseLong(cores[1]), Double.parseDouble(hours[0]),
                    Double.parseDouble(hours[1]), Long.parseLong(kv.getOrDefault("seed", "1")));
            return new Load() {
                @Override
                public List<TraceJob> jobs(Duration span) {
                    return gen.jobs(span, 5_000_000);
                }

                @Override
                public String describe() {
                    return "synthetic: " + gen.rate() + " jobs an hour, " + gen.coresMin() + ".." + gen.coresMax()
                            + " cores, " + gen.hoursMin() + ".." + gen.hoursMax() + " h, seed " + gen.seed();
                }
            };
        } catch (NumberFormatException e) {
            throw new TraceFormatException("synthetic load: a number is not a number (" + e.getMessage() + ")");
        }
    }

    private static String[] range(String v, String what) {
        String[] p = v.split("\\.\\.");
        if (p.length == 1) {
            return new String[] {p[0], p[0]};
        }
        if (p.length != 2) {
            throw new TraceFormatException("synthetic load: " + what + " is a range like 1..64, not '" + v + "'");
        }
        return p;
    }
}
