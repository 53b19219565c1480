package io.orrery.workbench.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import io.orrery.client.text.HumanTime;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.paint.Color;
import javafx.geometry.Point2D;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * Our own timeline control: groups of lanes with bars made of spans, shaded stretches, markers and a now line,
 * drawn on one canvas. Wheel scrolls the lanes, Ctrl+wheel (or +/-) zooms about the pointer, drag or Shift+wheel
 * (or the arrow keys) pans, Home fits everything; hovering a bar or a lane's note shows its details; clicking a bar
 * selects it ({@link #selectedProperty()}, which also follows outside changes). Must be used on the JavaFX thread.
 */
public final class TimelineChart extends Region {
    private final Canvas canvas = new Canvas();
    private final TimeAxis axis = new TimeAxis(Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(6)));
    private final StringProperty selected = new SimpleStringProperty();
    private final ObjectProperty<Instant> now = new SimpleObjectProperty<>(Instant.now());
    private final Tooltip tip = new Tooltip();
    private TimelineLayout layout = new TimelineLayout(List.of(), List.of());
    private List<Shade> shades = List.of();
    private List<Marker> markers = List.of();
    private Function<Bar, BarStatus> status = b -> BarStatus.byClock(b, nowProperty().get());
    private HumanTime time = HumanTime.UTC;
    private final IntegerProperty userMoves = new SimpleIntegerProperty();
    private double scrollY;
    private double dragX = Double.NaN;
    private long lastDrawNanos;

    public TimelineChart() {
        getStyleClass().add("timeline-chart");
        getChildren().add(canvas);
        setFocusTraversable(true);
        setMinSize(200, 80);
        selected.addListener((o, was, id) -> reveal(id));
        now.addListener((o, was, t) -> redraw());
        backgroundProperty().addListener(o -> redraw()); // the theme changed: light or dark colours
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> dragX = Double.NaN);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> tip.hide());
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    }

    /** Shows these lanes and bars (replacing what was shown); the view stays where it is. */
    public void setContent(List<Lane> lanes, List<Bar> bars) {
        layout = new TimelineLayout(lanes, bars);
        if (selected.get() != null && layout.bar(selected.get()).isEmpty()) {
            selected.set(null);
        }
        clampScroll();
        redraw();
    }

    public void setShades(List<Shade> list) {
        shades = List.copyOf(list);
        redraw();
    }

    public void setMarkers(List<Marker> list) {
        markers = List.copyOf(list);
        redraw();
    }

    /**
     * Who judges the bars' state (expired or not, the note beside them): by default each bar's expiry against the
     * chart's now; the offers view hands in its view-model's judgement, so the chart and the table agree.
     */
    public void setStatus(Function<Bar, BarStatus> judge) {
        status = judge;
        redraw();
    }

    /** The state a bar is drawn in, if the bar is shown. */
    public Optional<BarStatus> statusOf(String barId) {
        return layout.bar(barId).map(status);
    }

    /** The zone the time scale is labelled in. */
    public void setTime(HumanTime shown) {
        time = shown;
        redraw();
    }

    /** Goes up each time the user zooms or pans (so an owner knows not to refit the view under their hands). */
    public ReadOnlyIntegerProperty userMovesProperty() {
        return userMoves;
    }

    private void moved() {
        userMoves.set(userMoves.get() + 1);
    }

    /** The id of the selected bar, or null. */
    public StringProperty selectedProperty() {
        return selected;
    }

    /** The time the now line and expiry countdowns are drawn for. */
    public ObjectProperty<Instant> nowProperty() {
        return now;
    }

    public TimeAxis axis() {
        return axis;
    }

    public TimelineLayout layoutOfLanes() {
        return layout;
    }

    /** Shows all bars and the now line, with a margin. */
    public void fitAll() {
        Instant from = now.get();
        Instant to = now.get().plus(Duration.ofHours(1));
        Optional<Instant[]> ext = layout.extent();
        if (ext.isPresent()) {
            from = ext.get()[0].isBefore(from) ? ext.get()[0] : from;
            to = ext.get()[1].isAfter(to) ? ext.get()[1] : to;
        }
        for (Shade s : shades) {
            from = s.start().isBefore(from) ? s.start() : from;
            to = s.end().isAfter(to) ? s.end() : to;
        }
        Duration margin = Duration.between(from, to).dividedBy(12);
        // room on the right for the text beside the last bars ("3.891 EUR  expires in 9:58"), about 180 pixels
        double labels = Math.min(0.4, 180 / Math.max(300, axis.width()));
        Duration room = Duration.ofMillis((long) (Duration.between(from, to).toMillis() * labels / (1 - labels)));
        axis.fit(from.minus(margin), to.plus(margin).plus(room));
        redraw();
    }

    /** Zooms about the middle (factor above 1 zooms in). */
    public void zoom(double factor) {
        axis.zoom(factor, axis.width() / 2);
        redraw();
    }

    /** Pans by a share of the visible width (positive: later). */
    public void pan(double share) {
        axis.pan(share * axis.width());
        redraw();
    }

    /** How long the last redraw took to issue its drawing, in nanoseconds. */
    public long lastDrawNanos() {
        return lastDrawNanos;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            axis.width(w - TimelinePainter.GUTTER);
            clampScroll();
            redraw();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 800;
    }

    @Override
    protected double computePrefHeight(double width) {
        return Math.min(600, TimelinePainter.SCALE + layout.height() + 8);
    }

    /** Draws everything again now. */
    public void redraw() {
        if (canvas.getWidth() < 1 || canvas.getHeight() < 1) {
            return;
        }
        long t0 = System.nanoTime();
        TimelinePainter.paint(canvas.getGraphicsContext2D(), new TimelinePainter.Scene(layout, axis, canvas.getWidth(),
                canvas.getHeight(), scrollY, now.get(), selected.get(), shades, markers, status, palette(), time));
        lastDrawNanos = System.nanoTime() - t0;
    }

    /** Light or dark as the theme around: the chart's CSS background (see workbench.css) says which. */
    public Palette palette() {
        var bg = getBackground();
        return bg != null && !bg.getFills().isEmpty() && bg.getFills().get(0).getFill() instanceof Color c
                ? Palette.on(c) : Palette.LIGHT;
    }

    private void clampScroll() {
        double room = layout.height() - (canvas.getHeight() - TimelinePainter.SCALE);
        scrollY = Math.max(0, Math.min(scrollY, Math.max(0, room)));
    }

    /**
     * Where a bar is drawn, in the chart's coordinates: the middle of its part in view, on its lane's middle line
     * (a click there selects it); empty while it is scrolled or panned out of view.
     */
    public Optional<Point2D> whereIs(String barId) {
        return layout.bar(barId).flatMap(b -> layout.rowOf(b.lane()).flatMap(r -> {
            double from = Math.max(axis.x(b.start()), 0);
            double to = Math.min(axis.x(b.end()), axis.width());
            double y = TimelinePainter.SCALE + r.y() - scrollY + r.height() / 2;
            return from > to || y <= TimelinePainter.SCALE || y >= canvas.getHeight() ? Optional.empty()
                    : Optional.of(new Point2D(TimelinePainter.GUTTER + (from + to) / 2, y));
        }));
    }

    /** Scrolls so the bar's lane is in view, and pans if the bar is out of the visible time; then draws. */
    public void reveal(String id) {
        if (id == null) {
            redraw();
            return;
        }
        layout.bar(id).ifPresent(b -> {
            layout.rowOf(b.lane()).ifPresent(r -> {
                double view = canvas.getHeight() - TimelinePainter.SCALE;
                if (r.y() < scrollY || r.y() + r.height() > scrollY + view) {
                    scrollY = r.y() - view / 3;
                    clampScroll();
                }
            });
            if (b.end().isBefore(axis.start()) || b.start().isAfter(axis.end())) {
                axis.pan(axis.x(b.start()) - axis.width() / 4);
            }
        });
        redraw();
    }

    private double plotX(double canvasX) {
        return canvasX - TimelinePainter.GUTTER;
    }

    private double laneY(double canvasY) {
        return canvasY - TimelinePainter.SCALE + scrollY;
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        dragX = e.getX();
        if (e.getY() > TimelinePainter.SCALE) {
            layout.barAt(axis, plotX(e.getX()), laneY(e.getY())).ifPresent(b -> selected.set(b.id()));
        }
    }

    private void dragged(MouseEvent e) {
        if (!Double.isNaN(dragX)) {
            axis.pan(dragX - e.getX());
            dragX = e.getX();
            moved();
            tip.hide();
            redraw();
        }
    }

    private void hover(MouseEvent e) {
        String text = null;
        if (e.getY() > TimelinePainter.SCALE) {
            text = layout.barAt(axis, plotX(e.getX()), laneY(e.getY())).map(b -> {
                String note = status.apply(b).note();
                return b.tooltip() + (note.isEmpty() ? "" : "\n" + note);
            }).orElse(null);
            if (text == null) {
                text = layout.rowAt(laneY(e.getY())).map(TimelineLayout.Row::lane)
                        .filter(l -> l.note() != null).map(l -> l.group() + ": " + l.note()).orElse(null);
            }
        }
        if (text == null) {
            tip.hide();
        } else {
            tip.setText(text);
            tip.show(canvas, e.getScreenX() + 14, e.getScreenY() + 14);
        }
    }

    private void scrolled(ScrollEvent e) {
        if (e.isControlDown() || e.isShortcutDown()) {
            moved();
            axis.zoom(e.getDeltaY() > 0 ? 1.25 : 0.8, plotX(e.getX()));
        } else if (e.isShiftDown() || Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
            moved();
            axis.pan(-(e.isShiftDown() && e.getDeltaX() == 0 ? e.getDeltaY() : e.getDeltaX()));
        } else {
            scrollY -= e.getDeltaY();
            clampScroll();
        }
        tip.hide();
        redraw();
        e.consume();
    }

    private void key(KeyEvent e) {
        switch (e.getCode()) {
            case PLUS, EQUALS, ADD -> {
                moved();
                zoom(1.5);
            }
            case MINUS, SUBTRACT -> {
                moved();
                zoom(1 / 1.5);
            }
            case LEFT -> {
                moved();
                pan(-0.2);
            }
            case RIGHT -> {
                moved();
                pan(0.2);
            }
            case UP -> scrollBy(-TimelineLayout.LANE_HEIGHT * 3);
            case DOWN -> scrollBy(TimelineLayout.LANE_HEIGHT * 3);
            case HOME -> fitAll();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void scrollBy(double dy) {
        scrollY += dy;
        clampScroll();
        redraw();
    }
}
