package io.orrery.workbench.timeline;

import io.orrery.client.text.HumanTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
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
    private static final Font FONT = Font.font(11);
    private static final Font BOLD = Font.font(null, FontWeight.BOLD, 11);

    /** What to draw, as of one moment. */
    record Scene(TimelineLayout layout, TimeAxis axis, double width, double height, double scrollY, Instant now,
                 String selected, List<Shade> shades, List<Marker> markers, Function<Bar, BarStatus> status,
                 Palette colours, HumanTime time) {
    }

    private TimelinePainter() {}

    static void paint(GraphicsContext g, Scene s) {
        g.setFill(s.colours().background());
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
                g.setFill(s.colours().shade());
                g.fillRect(a, SCALE, Math.max(1, b - a), s.height() - SCALE);
                g.setFill(s.colours().actual());
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
                g.setStroke(s.colours().grid());
                g.strokeLine(0, y + 0.5, s.width(), y + 0.5);
                g.setFill(s.colours().text());
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
            g.setFill(s.colours().errorFill());
            g.fillRect(0, y, s.width(), r.height());
        } else if (selectedHere) {
            g.setFill(s.colours().selectedRow());
            g.fillRect(0, y, s.width(), r.height());
        }
        g.setFill(lane.kind() == Lane.Kind.ERROR ? s.colours().flag() : lane.kind() == Lane.Kind.NO ? s.colours().no() : s.colours().muted());
        g.fillText(clip(lane.label(), 28), 14, y + r.height() / 2);
    }

    private static void laneContent(GraphicsContext g, Scene s, TimelineLayout.Row r, double y, double plot) {
        Lane lane = r.lane();
        List<Bar> bars = s.layout().bars(lane.id());
        if (lane.note() != null && bars.isEmpty()) {
            g.setFill(lane.kind() == Lane.Kind.ERROR ? s.colours().flag() : s.colours().no());
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
        BarStatus status = s.status().apply(b);
        String text = label(b, status);
        if (right + 6 * text.length() < GUTTER) {
            return;
        }
        boolean expired = status.expired();
        for (Span sp : b.spans()) {
            double a = x(s, sp.start());
            double w = Math.max(1.5, x(s, sp.end()) - a);
            Color c = expired ? s.colours().expired() : color(s.colours(), sp.kind());
            if (ghost) {
                g.setStroke(c);
                g.setLineDashes(4, 3);
                g.strokeRect(a + 0.5, y + 0.5, w, h);
                g.setLineDashes();
            } else if (sp.kind() == Span.Kind.OPEN) {
                hatched(g, c, a, y, w, h);
            } else {
                g.setFill(c);
                g.fillRect(a, y, w, h);
            }
        }
        boolean selected = b.id().equals(s.selected());
        if (b.flagged() || selected) {
            g.setStroke(selected ? s.colours().text() : s.colours().flag());
            g.setLineWidth(selected ? 2 : 1.5);
            g.strokeRect(left - 1, y - 1, Math.max(2, right - left) + 2, h + 2);
            g.setLineWidth(1);
        }
        if (b.expires() != null) {
            double ex = x(s, b.expires());
            g.setStroke(expired ? s.colours().expired() : s.colours().no());
            g.strokeLine(ex, y - 2, ex, y + h + 2);
        }
        if (!text.isEmpty()) {
            g.setFill(expired ? s.colours().muted() : s.colours().text());
            g.fillText(text, right + 5, y + h / 2);
        }
    }

    /** An open slot: a pale fill, diagonal hatching and a dashed outline, so no one reads it as a promised time. */
    private static void hatched(GraphicsContext g, Color c, double a, double y, double w, double h) {
        g.setFill(c.deriveColor(0, 1, 1, 0.25));
        g.fillRect(a, y, w, h);
        g.save();
        g.beginPath();
        g.rect(a, y, w, h);
        g.clip();
        g.setStroke(c);
        for (double x = a - h; x < a + w; x += 7) {
            g.strokeLine(x, y + h, x + h, y);
        }
        g.restore();
        g.setStroke(c);
        g.setLineDashes(4, 3);
        g.strokeRect(a + 0.5, y + 0.5, w, h);
        g.setLineDashes();
    }

    /** The text beside a bar: its label and its state ("expires in 1:05", "expired"). */
    static String label(Bar b, BarStatus status) {
        String note = status.note();
        return (b.label() == null ? "" : b.label() + (note.isEmpty() ? "" : "  ")) + note;
    }

    static String countdown(Instant now, Instant until) {
        return HumanTime.countdown(Duration.between(now, until));
    }

    static Color color(Palette p, Span.Kind k) {
        return switch (k) {
            case PREPARING -> p.preparing();
            case AVAILABLE, OPEN -> p.available();
            case RELEASING -> p.releasing();
            case ACTUAL -> p.actual();
            case FAILED -> p.failed();
        };
    }

    private static void scale(GraphicsContext g, Scene s, double plot) {
        g.setFill(s.colours().background());
        g.fillRect(0, 0, s.width(), SCALE);
        g.setStroke(s.colours().grid());
        g.strokeLine(0, SCALE - 0.5, s.width(), SCALE - 0.5);
        g.strokeLine(GUTTER - 0.5, 0, GUTTER - 0.5, s.height());
        g.setFill(s.colours().muted());
        g.setTextAlign(TextAlignment.CENTER);
        for (TimeTicks.Tick t : TimeTicks.ticks(s.axis(), 90, s.time().zone())) {
            double x = x(s, t.at());
            g.strokeLine(x, SCALE - 5, x, SCALE);
            g.fillText(t.label(), x, SCALE / 2);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(s.time().zoneName(), 6, SCALE / 2);
    }

    private static void markers(GraphicsContext g, Scene s, double plot) {
        for (Marker m : s.markers()) {
            line(g, s, m.at(), s.colours().muted(), m.label());
        }
        line(g, s, s.now(), s.colours().now(), "now");
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
