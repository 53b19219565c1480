package io.orrery.workbench.tradeoff;

import io.orrery.workbench.feature.Pins;
import io.orrery.workbench.feature.Snapshotable;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

/**
 * The trade-off plot: every offer's finish against its cost or carbon (chosen above it), the Pareto front drawn;
 * clicking a point selects the offer, and the selected offer is ringed. It shows the view-model only while bound.
 */
public final class TradeoffView implements Snapshotable {
    private final BorderPane root = new BorderPane();
    private final TradeoffViewModel model;
    private final TradeoffChart chart;
    private final ChoiceBox<Measure> measure = new ChoiceBox<>();
    private final Label summary = new Label();

    public TradeoffView(TradeoffViewModel model) {
        this.model = model;
        chart = new TradeoffChart(uuid -> model.selectedProperty().set(uuid));
        chart.setId("tradeoffChart");
        chart.setTitle(null);
        root.setId("tradeoffPane");
        measure.setId("tradeoffMeasure");
        measure.getItems().setAll(Measure.values());
        measure.setConverter(new StringConverter<>() {
            @Override
            public String toString(Measure m) {
                return m == null ? "" : m.name().toLowerCase(Locale.ROOT) + " against finish";
            }

            @Override
            public Measure fromString(String s) {
                return null;
            }
        });
        measure.setTooltip(new Tooltip("What to weigh against the finish time"));
        summary.setId("tradeoffSummary");
        summary.setWrapText(true);
        summary.setMinWidth(0);
        summary.setStyle("-fx-font-size: 11px;");
        HBox bar = new HBox(8, measure, summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 4, 0, 4));
        root.setTop(bar);
        root.setCenter(chart);
        root.setMinWidth(0);
    }

    /** Shows the view-model and follows it, until released. */
    public void bind(Pins pins) {
        pins.bindBoth(measure.valueProperty(), model.measureProperty());
        pins.bind(summary.textProperty(), model.summaryProperty());
        pins.listen(model.points(), (ListChangeListener<TradeoffViewModel.Point>) c -> redraw());
        pins.listen(model.selectedProperty(), (o, was, uuid) -> chart.select(uuid));
        redraw();
    }

    private void redraw() {
        chart.show(model.points(), model.measureProperty().get().label());
        chart.select(model.selectedProperty().get());
    }

    /** The node of an offer's point, if it is plotted (to click it, or to see it). */
    public java.util.Optional<Node> pointNode(String uuid) {
        return chart.pointNode(uuid);
    }

    public Node root() {
        return root;
    }

    @Override
    public Node snapshotNode() {
        return chart;
    }

    @Override
    public String name() {
        return "tradeoff-plot";
    }
}
