package io.orrery.workbench.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;

/** What a timeline's colours mean, as swatches with words, in the chart's palette (light or dark). */
public final class TimelineLegend extends FlowPane {
    /** One entry: its words and its colour in a palette; a line (now, markers) or a box (spans, shades). */
    public record Entry(String text, Function<Palette, Color> colour, boolean line) {
    }

    /** The entries of an offers timeline. */
    public static final List<Entry> OFFERS = List.of(
            new Entry("preparing", Palette::preparing, false),
            new Entry("available", Palette::available, false),
            new Entry("releasing", Palette::releasing, false),
            new Entry("open (no times given)", p -> p.available().deriveColor(0, 1, 1, 0.35), false),
            new Entry("expired", Palette::expired, false),
            new Entry("flagged", Palette::flag, true),
            new Entry("requested start", p -> p.shade().deriveColor(0, 1, 1, 4), false),
            new Entry("now", Palette::now, true),
            new Entry("built-in brokers' now", Palette::muted, true));

    /** The entries of a sessions timeline (plan against what happened). */
    public static final List<Entry> SESSIONS = List.of(
            new Entry("planned: preparing", Palette::preparing, false),
            new Entry("available", Palette::available, false),
            new Entry("releasing", Palette::releasing, false),
            new Entry("happened", Palette::actual, false),
            new Entry("failed", Palette::failed, false),
            new Entry("now", Palette::now, true));

    private final List<Entry> entries;
    private final List<Shape> swatches = new ArrayList<>();

    public TimelineLegend(List<Entry> entries) {
        super(10, 2);
        this.entries = List.copyOf(entries);
        getStyleClass().add("timeline-legend");
        setAlignment(Pos.CENTER_RIGHT);
        for (Entry e : entries) {
            Shape s = e.line() ? new Line(0, 0, 0, 11) : new Rectangle(14, 9);
            s.setStrokeWidth(e.line() ? 2 : 0);
            swatches.add(s);
            Label l = new Label(e.text(), s);
            l.setStyle("-fx-font-size: 11px;");
            getChildren().add(l);
        }
        paint(Palette.LIGHT);
    }

    /** Colours the swatches as the chart draws in this palette. */
    public void paint(Palette p) {
        for (int i = 0; i < entries.size(); i++) {
            Color c = entries.get(i).colour().apply(p);
            if (entries.get(i).line()) {
                swatches.get(i).setStroke(c);
            } else {
                swatches.get(i).setFill(c);
            }
        }
    }

    /** The words of every entry, in order. */
    public List<String> texts() {
        return entries.stream().map(Entry::text).toList();
    }
}
