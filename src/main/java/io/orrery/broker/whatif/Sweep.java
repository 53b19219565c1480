package io.orrery.broker.whatif;

import io.orrery.model.time.TimeFormatException;
import io.orrery.model.time.Times;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One parameter varied over values: {@code cores=1..64} (powers of two when the range is wide, else every number),
 * {@code memory=4..256}, {@code duration=PT1H..PT8H} (hourly steps, or {@code :PT30M}), {@code start=0..48}
 * (hours after the moment asked, step {@code :6}), {@code platform=cloud,budget}; any of them also as a
 * comma-separated list of values.
 */
public record Sweep(Parameter parameter, List<String> values) {
    /** What can be swept. */
    public enum Parameter { CORES, MEMORY, DURATION, START, PLATFORM }

    public static Sweep parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq < 0) {
            throw new TraceFormatException("a sweep is NAME=RANGE, like cores=1..64, not '" + spec + "'");
        }
        String name = spec.substring(0, eq).strip().toUpperCase(Locale.ROOT);
        Parameter p;
        try {
            p = Parameter.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new TraceFormatException("cannot sweep '" + spec.substring(0, eq) + "': cores, memory, duration,"
                    + " start or platform");
        }
        String range = spec.substring(eq + 1).strip();
        List<String> values = range.contains("..") ? expand(p, range) : List.of(range.split("\\s*,\\s*"));
        if (values.isEmpty() || values.stream().anyMatch(String::isBlank)) {
            throw new TraceFormatException("the sweep '" + spec + "' has no values");
        }
        for (String v : values) {
            check(p, v.strip());
        }
        if (values.size() > 200) {
            throw new TraceFormatException("the sweep '" + spec + "' has " + values.size() + " values; 200 at most");
        }
        return new Sweep(p, values);
    }

    private static void check(Parameter p, String v) {
        try {
            switch (p) {
                case CORES, MEMORY -> {
                    if (Long.parseLong(v) < 1) {
                        throw new TraceFormatException(p.name().toLowerCase(Locale.ROOT) + " must be at least 1, not " + v);
                    }
                }
                case START -> Long.parseLong(v);
                case DURATION -> Times.duration(v);
                default -> {
                    // platforms are checked against the scenario
                }
            }
        } catch (NumberFormatException | TimeFormatException e) {
            throw new TraceFormatException("'" + v + "' is not a value of " + p.name().toLowerCase(Locale.ROOT)
                    + (p == Parameter.DURATION ? " (an ISO-8601 duration such as PT2H)" : " (a whole number)"));
        }
    }

    private static List<String> expand(Parameter p, String range) {
        String step = null;
        int colon = range.lastIndexOf(':');
        if (colon > 0 && !range.substring(colon).contains("..")) {
            step = range.substring(colon + 1);
            range = range.substring(0, colon);
        }
        String[] ends = range.split("\\.\\.");
        if (ends.length != 2) {
            throw new TraceFormatException("a range is FROM..TO[:STEP], not '" + range + "'");
        }
        List<String> out = new ArrayList<>();
        try {
            switch (p) {
                case CORES, MEMORY, START -> {
                    long a = Long.parseLong(ends[0].strip());
                    long b = Long.parseLong(ends[1].strip());
                    if (b < a || a < (p == Parameter.START ? 0 : 1)) {
                        throw new TraceFormatException("the range " + range + " is empty or below the least value");
                    }
                    if (step == null && p != Parameter.START && b / Math.max(1, a) >= 8) {
                        for (long v = a; v <= b; v *= 2) {
                            out.add(Long.toString(v));
                        }
                        if (!out.get(out.size() - 1).equals(Long.toString(b))) {
                            out.add(Long.toString(b));
                        }
                    } else {
                        long s = step == null ? (p == Parameter.START ? 6 : 1) : Long.parseLong(step);
                        if (s < 1) {
                            throw new TraceFormatException("the step must be at least 1, not " + step);
                        }
                        for (long v = a; v <= b; v += s) {
                            out.add(Long.toString(v));
                        }
                    }
                }
                case DURATION -> {
                    Duration a = Times.duration(ends[0].strip());
                    Duration b = Times.duration(ends[1].strip());
                    Duration s = step == null ? Duration.ofHours(1) : Times.duration(step);
                    if (s.isZero() || s.isNegative() || b.compareTo(a) < 0) {
                        throw new TraceFormatException("the range " + range + " is empty or its step is not positive");
                    }
                    for (Duration v = a; v.compareTo(b) <= 0; v = v.plus(s)) {
                        out.add(v.toString());
                    }
                }
                case PLATFORM -> throw new TraceFormatException("platforms are listed, like platform=cloud,budget");
                default -> throw new IllegalStateException(p.name());
            }
        } catch (NumberFormatException | TimeFormatException e) {
            throw new TraceFormatException("cannot read the range '" + range + "': " + e.getMessage());
        }
        return out;
    }
}
