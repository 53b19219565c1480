package io.orrery.workbench.timeline;

import io.orrery.client.compare.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/** Draws a timeline on a canvas: only the rows and bars in view, so a redraw costs what is visible. */
final class TimelinePainter {
    static final double GUTTER = 160;
    static final double SCALE = 22;
    private static final Color BACKGROUND = Color.web("#fbfbfc");
    private static final Color GRID = Color.web("#e3e6ea");
    private static final Color TEXT = Color.web("#24292f");
    private static final Color MUTED = Color.web("#6e7781");
    private static final Color PREPARING = Color.web("#f2c14e");
    private static final Color AVAILABLE = Color.web("#3b82c4");
    private static final Color RELEASING = Color.web("#9fb8d0");
    private static final Color ACTUAL = Color.web("#2da44e");
    private static final Color FAILED = Color.web("#cf222e");
    private static final Color EXPIRED = Color.web("#c4c8cc");
    private static final Color FLAG = Color.web("#cf222e");
    private static final Color NO = Color.web("#bc4c00");
    private static final Color ERROR_FILL = Color.web("#ffebe9");
    private static final Color SHADE = Color.web("#2da44e", 0.10);
    private static final Color SELECTED_ROW = Color.web("#0969da", 0.10);
    private static final Color NOW = Color.web("#cf222e");
    private static final Font FONT = Font.font(11);
    private static final Font BOLD = Font.font(null, FontWeight.BOLD, 11);

    /** What to draw, as of one moment. */
    record Scene(TimelineLayout layout, TimeAxis axis, double width, double height, double scrollY, Instant now,
                 String selected, List<Shade> shades, List<Marker> markers) {
    }

    private TimelinePainter() {}

    static void paint(GraphicsContext g, Scene s) {
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, s.width(), s.height());
        g.setTextBaseline(VPos.CENTER);
        g.setFont(FONT);
        double plot = s.width() - GUTTER;
        shades(g, s, plot);
        rows(g, s, plot);
        scale(g, s, plot);
        markers(g, s, plot);
    }

    private static double x(Scene s, Instant t) {
        return GUTTER + s.axis().x(t);
    }

    private static void shades(GraphicsContext g, Scene s, double plot) {
        for (Shade sh : s.shades()) {
            double a = Math.max(GUTTER, x(s, sh.start()));
            double b = Math.min(s.width(), x(s, sh.end()));
            if (b > a) {
                g.setFill(SHADE);
                g.fillRect(a, SCALE, Math.max(1, b - a), s.height() - SCALE);
                g.setFill(ACTUAL);
                g.fillText(sh.label(), a + 3, SCALE + 8);
            }
        }
    }

    private static void rows(GraphicsContext g, Scene s, double plot) {
        TimelineLayout layout = s.layout();
        double top = s.scrollY();
        double bottom = top + s.height() - SCALE;
        int from = Math.max(0, layout.indexAt(Math.max(0, top)));
        int to = from;
        while (to < layout.rows().size() && layout.rows().get(to).y() <= bottom) {
            to++;
        }
        List<TimelineLayout.Row> visible = layout.rows().subList(from, to);
        for (TimelineLayout.Row r : visible) {
            double y = SCALE + r.y() - top;
            if (r.lane() == null) {
                g.setStroke(GRID);
                g.strokeLine(0, y + 0.5, s.width(), y + 0.5);
                g.setFill(TEXT);
                g.setFont(BOLD);
                g.fillText(clip(r.group(), 26), 6, y + r.height() / 2);
                g.setFont(FONT);
            } else {
                laneBackground(g, s, r, y);
            }
        }
        g.save();
        g.beginPath();
        g.rect(GUTTER, SCALE, s.width() - GUTTER, s.height() - SCALE);
        g.clip();
        for (TimelineLayout.Row r : visible) {
            if (r.lane() != null) {
                laneContent(g, s, r, SCALE + r.y() - top, plot);
            }
        }
        g.restore();
    }

    private static void laneBackground(GraphicsContext g, Scene s, TimelineLayout.Row r, double y) {
        Lane lane = r.lane();
        boolean selectedHere = s.selected() != null
                && s.layout().bars(lane.id()).stream().anyMatch(b -> b.id().equals(s.selected()));
        if (lane.kind() == Lane.Kind.ERROR) {
            g.setFill(ERROR_FILL);
            g.fillRect(0, y, s.width(), r.height());
        } else if (selectedHere) {
            g.setFill(SELECTED_ROW);
            g.fillRect(0, y, s.width(), r.height());
        }
        g.setFill(lane.kind() == Lane.Kind.ERROR ? FLAG : lane.kind() == Lane.Kind.NO ? NO : MUTED);
        g.fillText(clip(lane.label(), 28), 14, y + r.height() / 2);
    }

    private static void laneContent(GraphicsContext g, Scene s, TimelineLayout.Row r, double y, double plot) {
        Lane lane = r.lane();
        List<Bar> bars = s.layout().bars(lane.id());
        if (lane.note() != null && bars.isEmpty()) {
            g.setFill(lane.kind() == Lane.Kind.ERROR ? FLAG : NO);
            g.fillText(clip(lane.note(), (int) (plot / 6)), GUTTER + 6, y + r.height() / 2);
        }
        for (Bar b : bars) {
            bar(g, s, b, y + 3, r.height() - 6, lane.kind() == Lane.Kind.GHOST);
        }
    }

    private static void bar(GraphicsContext g, Scene s, Bar b, double y, double h, boolean ghost) {
        double left = x(s, b.start());
        double right = x(s, b.end());
        if (left > s.width()) {
            return;
        }
        String text = label(b, s.now());
        if (right + 6 * text.length() < GUTTER) {
            return;
        }
        boolean expired = b.expires() != null && !s.now().isBefore(b.expires());
        for (Span sp : b.spans()) {
            double a = x(s, sp.start());
            double w = Math.max(1.5, x(s, sp.end()) - a);
            Color c = expired ? EXPIRED : color(sp.kind());
            if (ghost) {
                g.setStroke(c);
                g.setLineDashes(4, 3);
                g.strokeRect(a + 0.5, y + 0.5, w, h);
                g.setLineDashes();
            } else {
                g.setFill(c);
                g.fillRect(a, y, w, h);
            }
        }
        boolean selected = b.id().equals(s.selected());
        if (b.flagged() || selected) {
            g.setStroke(selected ? TEXT : FLAG);
            g.setLineWidth(selected ? 2 : 1.5);
            g.strokeRect(left - 1, y - 1, Math.max(2, right - left) + 2, h + 2);
            g.setLineWidth(1);
        }
        if (b.expires() != null) {
            double ex = x(s, b.expires());
            g.setStroke(expired ? EXPIRED : NO);
            g.strokeLine(ex, y - 2, ex, y + h + 2);
        }
        if (!text.isEmpty()) {
            g.setFill(expired ? MUTED : TEXT);
            g.fillText(text, right + 5, y + h / 2);
        }
    }

    /** The text beside a bar: its label and its expiry countdown. */
    static String label(Bar b, Instant now) {
        String countdown = expiry(b.expires(), now);
        return (b.label() == null ? "" : b.label() + (countdown.isEmpty() ? "" : "  ")) + countdown;
    }

    /** "expires in 1:05", "expired", or nothing when there is no expiry. */
    static String expiry(Instant expires, Instant now) {
        return expires == null ? "" : now.isBefore(expires) ? "expires in " + countdown(now, expires) : "expired";
    }

    static String countdown(Instant now, Instant until) {
        return DurationText.countdown(Duration.between(now, until));
    }

    private static Color color(Span.Kind k) {
        return switch (k) {
            case PREPARING -> PREPARING;
            case AVAILABLE -> AVAILABLE;
            case RELEASING -> RELEASING;
            case ACTUAL -> ACTUAL;
            case FAILED -> FAILED;
        };
    }

    private static void scale(GraphicsContext g, Scene s, double plot) {
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, s.width(), SCALE);
        g.setStroke(GRID);
        g.strokeLine(0, SCALE - 0.5, s.width(), SCALE - 0.5);
        g.strokeLine(GUTTER - 0.5, 0, GUTTER - 0.5, s.height());
        g.setFill(MUTED);
        g.setTextAlign(TextAlignment.CENTER);
        for (TimeTicks.Tick t : TimeTicks.ticks(s.axis(), 90)) {
            double x = x(s, t.at());
            g.strokeLine(x, SCALE - 5, x, SCALE);
            g.fillText(t.label(), x, SCALE / 2);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("UTC", 6, SCALE / 2);
    }

    private static void markers(GraphicsContext g, Scene s, double plot) {
        for (Marker m : s.markers()) {
            line(g, s, m.at(), MUTED, m.label());
        }
        line(g, s, s.now(), NOW, "now");
    }

    private static void line(GraphicsContext g, Scene s, Instant at, Color c, String label) {
        double x = x(s, at);
        if (x < GUTTER || x > s.width()) {
            return;
        }
        g.setStroke(c);
        g.strokeLine(x + 0.5, SCALE, x + 0.5, s.height());
        g.setFill(c);
        g.fillText(label, x + 3, SCALE + 18);
    }

    private static String clip(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, Math.max(1, max - 1)) + "\u2026";
    }
}
