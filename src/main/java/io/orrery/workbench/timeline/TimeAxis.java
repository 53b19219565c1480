package io.orrery.workbench.timeline;

import java.time.Duration;
import java.time.Instant;

/**
 * The visible stretch of time and how it maps to pixels: zoom about a point, pan, fit. Pure state, no toolkit, so
 * it is tested on its own. The span stays between a minute and ten years.
 */
public final class TimeAxis {
    static final double MIN_SPAN = Duration.ofMinutes(1).toMillis();
    static final double MAX_SPAN = Duration.ofDays(3650).toMillis();

    private double start;
    private double span;
    private double width = 1;

    public TimeAxis(Instant start, Instant end) {
        fit(start, end);
    }

    /** The pixel width the span is drawn over. */
    public void width(double px) {
        width = Math.max(1, px);
    }

    public double width() {
        return width;
    }

    public Instant start() {
        return Instant.ofEpochMilli((long) start);
    }

    public Instant end() {
        return Instant.ofEpochMilli((long) (start + span));
    }

    public Duration span() {
        return Duration.ofMillis((long) span);
    }

    /** The x of an instant (may be outside 0..width). */
    public double x(Instant t) {
        return x(t.toEpochMilli());
    }

    double x(long epochMilli) {
        return (epochMilli - start) / span * width;
    }

    /** The instant at x. */
    public Instant at(double x) {
        return Instant.ofEpochMilli((long) (start + x / width * span));
    }

    /** Shows from a to b (swapped if given the wrong way round). */
    public void fit(Instant a, Instant b) {
        double from = Math.min(a.toEpochMilli(), b.toEpochMilli());
        double to = Math.max(a.toEpochMilli(), b.toEpochMilli());
        span = clamp(to - from);
        start = (from + to) / 2 - span / 2;
    }

    /** Zooms by factor (above 1 zooms in) keeping the instant under anchorX where it is. */
    public void zoom(double factor, double anchorX) {
        double anchor = start + anchorX / width * span;
        double next = clamp(span / factor);
        start = anchor - anchorX / width * next;
        span = next;
    }

    /** Moves the view by dx pixels (positive shows later times). */
    public void pan(double dx) {
        start += dx / width * span;
    }

    private static double clamp(double s) {
        return Math.max(MIN_SPAN, Math.min(MAX_SPAN, s));
    }
}
