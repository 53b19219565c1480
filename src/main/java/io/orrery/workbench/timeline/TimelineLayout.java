package io.orrery.workbench.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where lanes and bars go: a header row per group followed by its lanes, in the order the lanes were given, and the
 * bars of each lane. Answers which bar or lane is at a point. Pure, no toolkit.
 */
public final class TimelineLayout {
    public static final double GROUP_HEIGHT = 20;
    public static final double LANE_HEIGHT = 18;

    /** A row: a group's header (lane null) or a lane, at y from the top of the lanes. */
    public record Row(String group, Lane lane, double y, double height) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, List<Bar>> barsByLane = new HashMap<>();
    private final Map<String, Bar> barsById = new HashMap<>();
    private final Map<String, Row> rowOfLane = new HashMap<>();
    private final double height;
    private final Instant first;
    private final Instant last;

    public TimelineLayout(List<Lane> lanes, List<Bar> bars) {
        Map<String, List<Lane>> groups = new LinkedHashMap<>();
        for (Lane l : lanes) {
            groups.computeIfAbsent(l.group(), g -> new ArrayList<>()).add(l);
        }
        double y = 0;
        for (var g : groups.entrySet()) {
            rows.add(new Row(g.getKey(), null, y, GROUP_HEIGHT));
            y += GROUP_HEIGHT;
            for (Lane l : g.getValue()) {
                Row r = new Row(g.getKey(), l, y, LANE_HEIGHT);
                rows.add(r);
                rowOfLane.put(l.id(), r);
                y += LANE_HEIGHT;
            }
        }
        height = y;
        Instant lo = null;
        Instant hi = null;
        for (Bar b : bars) {
            if (!rowOfLane.containsKey(b.lane())) {
                throw new IllegalArgumentException("bar " + b.id() + " is on lane " + b.lane() + ", which is not shown");
            }
            barsByLane.computeIfAbsent(b.lane(), k -> new ArrayList<>()).add(b);
            barsById.put(b.id(), b);
            lo = lo == null || b.start().isBefore(lo) ? b.start() : lo;
            hi = hi == null || b.end().isAfter(hi) ? b.end() : hi;
        }
        first = lo;
        last = hi;
    }

    public List<Row> rows() {
        return rows;
    }

    public double height() {
        return height;
    }

    public List<Bar> bars(String lane) {
        return barsByLane.getOrDefault(lane, List.of());
    }

    public Optional<Bar> bar(String id) {
        return Optional.ofNullable(barsById.get(id));
    }

    public Optional<Row> rowOf(String lane) {
        return Optional.ofNullable(rowOfLane.get(lane));
    }

    /** The earliest start and latest end of all bars, if there are any. */
    public Optional<Instant[]> extent() {
        return first == null ? Optional.empty() : Optional.of(new Instant[] {first, last});
    }

    /** The row at y (from the top of the lanes). */
    public Optional<Row> rowAt(double y) {
        int i = indexAt(y);
        return i < 0 ? Optional.empty() : Optional.of(rows.get(i));
    }

    /** The index of the row at y, or -1 when no row is there. */
    public int indexAt(double y) {
        int lo = 0;
        int hi = rows.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Row r = rows.get(mid);
            if (y < r.y()) {
                hi = mid - 1;
            } else if (y >= r.y() + r.height()) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** The bar under the point (x on the axis, y from the top of the lanes), the last drawn winning. */
    public Optional<Bar> barAt(TimeAxis axis, double x, double y) {
        Optional<Row> row = rowAt(y).filter(r -> r.lane() != null);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<Bar> list = bars(row.get().lane().id());
        for (int i = list.size() - 1; i >= 0; i--) {
            Bar b = list.get(i);
            if (x >= axis.x(b.start()) - 2 && x <= axis.x(b.end()) + 2) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
