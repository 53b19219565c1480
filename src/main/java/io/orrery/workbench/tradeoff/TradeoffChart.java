package io.orrery.workbench.tradeoff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polyline;

/**
 * A scatter chart of offers (a series per broker, so the theme colours them and the legend names them) with the
 * Pareto front drawn as a dashed staircase through its points, each range as a whisker, and a ring round the selected
 * point. Clicking a point hands its uuid to {@code onPick}. Use it on the JavaFX thread.
 */
final class TradeoffChart extends ScatterChart<Number, Number> {
    private final Polyline front = new Polyline();
    private final Circle ring = new Circle(9);
    private final List<Line> whiskers = new ArrayList<>();
    private final Map<String, Data<Number, Number>> byUuid = new HashMap<>();
    private List<TradeoffViewModel.Point> points = List.of();
    private String selected;

    TradeoffChart(Consumer<String> onPick) {
        super(axis("Finish (hours after the earliest start)"), axis("Cost"));
        setAnimated(false);
        front.getStyleClass().add("pareto-front");
        front.setMouseTransparent(true);
        ring.getStyleClass().add("selected-point");
        ring.setStyle("-fx-fill: transparent; -fx-stroke: -color-accent-emphasis; -fx-stroke-width: 2.5;");
        ring.setMouseTransparent(true);
        ring.setVisible(false);
        getPlotChildren().addAll(front, ring);
        this.onPick = onPick;
    }

    private final Consumer<String> onPick;

    private static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis();
        a.setLabel(label);
        a.setForceZeroInRange(false);
        return a;
    }

    /** Shows these points, a series per broker, with the front. */
    void show(List<TradeoffViewModel.Point> shown, String measureLabel) {
        points = List.copyOf(shown);
        getYAxis().setLabel(measureLabel);
        byUuid.clear();
        getPlotChildren().removeAll(whiskers);
        whiskers.clear();
        Map<String, Series<Number, Number>> series = new LinkedHashMap<>();
        for (TradeoffViewModel.Point p : points) {
            Series<Number, Number> s = series.computeIfAbsent(p.broker(), b -> {
                Series<Number, Number> n = new Series<>();
                n.setName(b);
                return n;
            });
            Data<Number, Number> d = new Data<>(p.x(), p.y());
            d.setExtraValue(p);
            s.getData().add(d);
            byUuid.put(p.uuid(), d);
            if (!Double.isNaN(p.yMax())) {
                Line w = new Line();
                w.setUserData(p);
                w.setMouseTransparent(true);
                w.setStyle("-fx-stroke: -color-fg-muted; -fx-stroke-width: 1.5;");
                whiskers.add(w);
            }
        }
        getData().setAll(series.values());
        scaleCosts();
        getPlotChildren().addAll(0, whiskers);
        for (Data<Number, Number> d : byUuid.values()) {
            TradeoffViewModel.Point p = (TradeoffViewModel.Point) d.getExtraValue();
            Node n = d.getNode();
            if (n != null) {
                n.setId("point-" + p.uuid());
                n.setOnMouseClicked(e -> onPick.accept(p.uuid()));
                n.setStyle("-fx-cursor: hand;" + (p.front() ? "" : "-fx-opacity: 0.55;"));
                Tooltip.install(n, new Tooltip(p.broker() + (p.front() ? " (on the Pareto front)" : "")));
            }
        }
        front.toFront();
        ring.toFront();
        requestChartLayout();
    }

    /** From zero to above the dearest end of every range, so no whisker runs off the plot. */
    private void scaleCosts() {
        NumberAxis y = (NumberAxis) getYAxis();
        double top = points.stream().mapToDouble(p -> Double.isNaN(p.yMax()) ? p.y() : p.yMax()).max().orElse(1);
        if (!(top > 0)) {
            top = 1;
        }
        double step = Math.pow(10, Math.floor(Math.log10(top / 5)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (top / (step * m) <= 8) {
                step *= m;
                break;
            }
        }
        y.setAutoRanging(false);
        y.setLowerBound(0);
        y.setUpperBound(Math.ceil(top * 1.05 / step) * step);
        y.setTickUnit(step);
    }

    void select(String uuid) {
        selected = uuid;
        requestChartLayout();
    }

    /** The node drawn for an offer's point, if it is plotted. */
    Optional<Node> pointNode(String uuid) {
        return Optional.ofNullable(byUuid.get(uuid)).map(Data::getNode);
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        NumberAxis x = (NumberAxis) getXAxis();
        NumberAxis y = (NumberAxis) getYAxis();
        List<Double> coords = new ArrayList<>();
        List<TradeoffViewModel.Point> onFront = points.stream().filter(TradeoffViewModel.Point::front).toList();
        for (int i = 0; i < onFront.size(); i++) {
            TradeoffViewModel.Point p = onFront.get(i);
            if (i > 0) {
                // a staircase: from the last point across to this finish, then down to this cost
                coords.add(x.getDisplayPosition(p.x()));
                coords.add(y.getDisplayPosition(onFront.get(i - 1).y()));
            }
            coords.add(x.getDisplayPosition(p.x()));
            coords.add(y.getDisplayPosition(p.y()));
        }
        front.getPoints().setAll(coords);
        for (Line w : whiskers) {
            TradeoffViewModel.Point p = (TradeoffViewModel.Point) w.getUserData();
            double px = x.getDisplayPosition(p.x());
            w.setStartX(px);
            w.setEndX(px);
            w.setStartY(y.getDisplayPosition(p.y()));
            w.setEndY(y.getDisplayPosition(p.yMax()));
        }
        Data<Number, Number> d = selected == null ? null : byUuid.get(selected);
        ring.setVisible(d != null);
        if (d != null) {
            ring.setCenterX(x.getDisplayPosition(d.getXValue()));
            ring.setCenterY(y.getDisplayPosition(d.getYValue()));
        }
    }
}
