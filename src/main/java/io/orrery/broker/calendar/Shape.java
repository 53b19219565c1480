package io.orrery.broker.calendar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one booking holds, relative to its start (in seconds): for example storage from the lead time before the
 * start (staging), everything while it runs, and storage again while results are released.
 */
public record Shape(List<Segment> segments) {

    /** Amounts held over [start + from, start + to). */
    public record Segment(long from, long to, long[] amounts) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Segment s && s.from == from && s.to == to && Arrays.equals(s.amounts, amounts);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(from) * 31 + Long.hashCode(to) * 17 + Arrays.hashCode(amounts);
        }

        @Override
        public String toString() {
            return "[" + from + "," + to + ")" + Arrays.toString(amounts);
        }
    }

    public Shape {
        segments = List.copyOf(segments);
    }

    /**
     * The usual session: {@code staging} (storage only) for {@code lead} seconds before the start, {@code running}
     * for {@code duration}, then {@code staging} again for {@code release}.
     */
    public static Shape session(long lead, long duration, long release, long[] running, long[] staging) {
        List<Segment> out = new ArrayList<>();
        if (lead > 0 && any(staging)) {
            out.add(new Segment(-lead, 0, staging));
        }
        out.add(new Segment(0, duration, running));
        if (release > 0 && any(staging)) {
            out.add(new Segment(duration, duration + release, staging));
        }
        return new Shape(out);
    }

    /** The same amounts for the whole length. */
    public static Shape flat(long duration, long[] amounts) {
        return new Shape(List.of(new Segment(0, duration, amounts)));
    }

    /** A compact text form, {@code from,to,a0;a1;...|...}, for storage. */
    public String encode() {
        StringBuilder out = new StringBuilder();
        for (Segment seg : segments) {
            if (!out.isEmpty()) {
                out.append('|');
            }
            out.append(seg.from()).append(',').append(seg.to()).append(',');
            for (int i = 0; i < seg.amounts().length; i++) {
                out.append(i == 0 ? "" : ";").append(seg.amounts()[i]);
            }
        }
        return out.toString();
    }

    /** Reads {@link #encode()}'s form. */
    public static Shape decode(String text) {
        List<Segment> out = new ArrayList<>();
        for (String part : text.split("\\|")) {
            String[] f = part.split(",");
            long[] amounts = Arrays.stream(f[2].split(";")).mapToLong(Long::parseLong).toArray();
            out.add(new Segment(Long.parseLong(f[0]), Long.parseLong(f[1]), amounts));
        }
        return new Shape(out);
    }

    /** The earliest and latest offsets the shape covers. */
    public long first() {
        return segments.stream().mapToLong(Segment::from).min().orElse(0);
    }

    public long last() {
        return segments.stream().mapToLong(Segment::to).max().orElse(0);
    }

    private static boolean any(long[] v) {
        return Arrays.stream(v).anyMatch(x -> x != 0);
    }
}
