package io.orrery.workbench.tradeoff;

import io.orrery.client.compare.OfferRow;
import io.orrery.client.compare.Pareto;
import io.orrery.client.compare.Range;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The trade-off plot's state: every offer as a point, its finish (hours after the earliest start of all offers)
 * against its cost or carbon, the range the broker gives as a whisker, and the Pareto front (no other offer finishes
 * sooner without costing more); which point is selected. No toolkit nodes: tested on its own.
 */
public final class TradeoffViewModel {
    /** One offer as plotted: x in hours, y the least it may cost, the most (NaN without a range), on the front or not. */
    public record Point(String uuid, String broker, double x, double y, double yMax, boolean front) {
    }

    private final ObservableList<OfferRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Measure> measure = new SimpleObjectProperty<>(Measure.COST);
    private final StringProperty selected = new SimpleStringProperty();
    private final ObservableList<Point> points = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");
    private Instant origin;

    public TradeoffViewModel() {
        measure.addListener(o -> recompute());
    }

    /** Shows these offers (replacing the last ones); the selection is the comparison's to change. */
    public void show(List<OfferRow> offers) {
        rows.setAll(offers);
        recompute();
    }

    public ObjectProperty<Measure> measureProperty() {
        return measure;
    }

    /** The uuid of the selected offer, or null. */
    public StringProperty selectedProperty() {
        return selected;
    }

    /** The points, in rising x. */
    public ObservableList<Point> points() {
        return points;
    }

    /** The front's points, in rising x (falling y). */
    public List<Point> front() {
        return points.stream().filter(Point::front).toList();
    }

    /** What the plot shows, in words: "3 of 9 offers on the Pareto front; 2 without a cost". */
    public StringProperty summaryProperty() {
        return summary;
    }

    /** The instant x = 0 stands for (the earliest start of the offers), or null when there are none. */
    public Instant origin() {
        return origin;
    }

    private void recompute() {
        Measure m = measure.get();
        List<OfferRow> plotted = rows.stream().filter(r -> r.end() != null && !Double.isNaN(r.cost(m.type()))).toList();
        origin = rows.stream().map(OfferRow::start).filter(java.util.Objects::nonNull).min(Instant::compareTo)
                .orElse(null);
        Set<String> onFront = new HashSet<>();
        Pareto.front(plotted, this::x, r -> r.cost(m.type())).forEach(r -> onFront.add(r.uuid()));
        List<Point> out = new ArrayList<>();
        for (OfferRow r : plotted) {
            Range range = r.costs().get(m.type());
            double max = range.max() != null && range.min() != null && range.max() > range.min() ? range.max()
                    : Double.NaN;
            out.add(new Point(r.uuid(), r.broker(), x(r), r.cost(m.type()), max, onFront.contains(r.uuid())));
        }
        out.sort(java.util.Comparator.comparingDouble(Point::x));
        points.setAll(out);
        int missing = rows.size() - plotted.size();
        summary.set(rows.isEmpty() ? "No offers to weigh yet" : onFront.size() + " of " + plotted.size()
                + " offers on the Pareto front (none finishes sooner for less)"
                + (missing == 0 ? "" : "; " + missing + " without a " + m.name().toLowerCase(java.util.Locale.ROOT)));
    }

    private double x(OfferRow r) {
        return Duration.between(origin == null ? r.start() : origin, r.end()).toSeconds() / 3600.0;
    }
}
