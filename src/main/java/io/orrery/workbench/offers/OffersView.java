package io.orrery.workbench.offers;

import io.orrery.client.Outcome;
import io.orrery.client.compare.OfferRow;
import io.orrery.client.compare.Rank;
import io.orrery.model.SessionPhase;
import io.orrery.workbench.feature.Pins;
import io.orrery.workbench.timeline.Bar;
import io.orrery.workbench.timeline.Lane;
import io.orrery.workbench.timeline.Marker;
import io.orrery.workbench.timeline.TimelineChart;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import io.orrery.workbench.help.WhyDisabled;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/**
 * Ask and compare: the Ask button, the ranking, the actions the broker allows on the selected offer, the offers
 * table, the brokers that said NO or failed, and the timeline (with any what-if ghosts); selecting in the table or
 * the timeline selects in the other. It shows the view-model only while bound ({@link #bind}).
 */
public final class OffersView {
    /** What the buttons ask of the controller. */
    public record Actions(Runnable ask, Runnable stop, Consumer<OfferRow> accept, Consumer<OfferRow> reject) {
    }

    private final BorderPane root = new BorderPane();
    private final OffersViewModel model;
    private final TableView<OfferRow> table;
    private final TimelineChart chart = new TimelineChart();
    private final ListView<Refusal> refusals = new ListView<>();
    private final Button accept = new Button("Accept");
    private final Button reject = new Button("Reject");
    private final Button stop = new Button("Stop");
    private final ProgressIndicator waiting = new ProgressIndicator();
    private final Label pending = new Label();
    private final ChoiceBox<Rank> rank = new ChoiceBox<>();
    /** Why Ask cannot be pressed now (null when it can), and why Accept cannot: their tooltips while disabled. */
    private final StringProperty askWhy = new SimpleStringProperty();
    private final StringProperty acceptWhy = new SimpleStringProperty();
    private boolean syncing;
    private List<Lane> ghostLanes = List.of();
    private List<Bar> ghostBars = List.of();

    public OffersView(OffersViewModel model, Actions actions) {
        this.model = model;
        this.table = OffersTable.create(model);
        chart.setId("offersTimeline");
        refusals.setId("refusalsList");
        refusals.setPlaceholder(new Label("Every broker asked made offers"));
        refusals.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Refusal r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : (r.error() ? "\u2716 " : "\u2298 ") + r.text());
                setWrapText(true);
                setPrefWidth(0);
                setStyle(empty || r == null ? "" : r.error() ? "-fx-text-fill: -color-danger-fg;"
                        : "-fx-text-fill: -color-warning-fg;");
                setTooltip(empty || r == null ? null : new Tooltip(String.join("\n", r.reasons())));
            }
        });
        root.setTop(toolbar(actions));
        SplitPane upper = new SplitPane(table, refusals);
        upper.setDividerPositions(0.78);
        SplitPane split = new SplitPane(upper, chart);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        root.setCenter(split);
    }

    private Node toolbar(Actions actions) {
        Button ask = new Button("Ask");
        ask.setId("askButton");
        ask.setDefaultButton(false);
        ask.setTooltip(new Tooltip("Send the task to the checked brokers (Ctrl+Enter)"));
        ask.setOnAction(e -> actions.ask().run());
        stop.setId("stopButton");
        stop.setOnAction(e -> actions.stop().run());
        waiting.setPrefSize(16, 16);
        pending.setId("pendingLabel");
        rank.setId("rankChoice");
        rank.getItems().setAll(Rank.values());
        rank.setConverter(new StringConverter<>() {
            @Override
            public String toString(Rank r) {
                return r == null ? "" : "rank: " + r.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            }

            @Override
            public Rank fromString(String s) {
                return null;
            }
        });
        accept.setId("acceptButton");
        reject.setId("rejectButton");
        accept.setOnAction(e -> actions.accept().accept(model.selectedProperty().get()));
        reject.setOnAction(e -> actions.reject().accept(model.selectedProperty().get()));
        Button fit = new Button("Fit");
        fit.setTooltip(new Tooltip("Show every offer (Home in the timeline); +/- zoom, arrows pan, Ctrl+wheel zooms"));
        fit.setOnAction(e -> chart.fitAll());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        ask.disableProperty().bind(askWhy.isNotNull());
        HBox bar = new HBox(8, WhyDisabled.wrap(ask, askWhy), stop, waiting, pending, gap, rank, fit, reject,
                WhyDisabled.wrap(accept, acceptWhy));
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4));
        return bar;
    }

    /** Shows the view-model and follows it (and it the selection), until released. */
    public void bind(Pins pins) {
        OffersTable.bind(table, model.rows(), pins);
        pins.show(refusals::setItems, model.refusals(), FXCollections.observableArrayList());
        pins.bind(stop.disableProperty(), model.pendingProperty().isEqualTo(0));
        pins.bind(waiting.visibleProperty(), model.pendingProperty().greaterThan(0));
        pins.bind(pending.textProperty(), Bindings.createStringBinding(() -> model.pendingProperty().get() == 0
                ? model.rows().size() + " offers, " + model.refusals().size() + " without"
                : "waiting for " + model.pendingProperty().get() + " broker(s)\u2026",
                model.pendingProperty(), model.rows(), model.refusals()));
        pins.bindBoth(rank.valueProperty(), model.rankProperty());
        pins.listen(table.getSelectionModel().selectedItemProperty(), (o, was, row) -> {
            if (!syncing && row != null) {
                model.selectedProperty().set(row);
            }
        });
        pins.listen(chart.selectedProperty(), (o, was, id) -> {
            if (!syncing && id != null) {
                model.row(id).ifPresent(model.selectedProperty()::set);
            }
        });
        pins.listen(model.selectedProperty(), (o, was, row) -> select(row));
        pins.listen(model.rows(), (ListChangeListener<OfferRow>) c -> redraw());
        pins.listen(model.outcomes(), (ListChangeListener<Outcome>) c -> redraw());
        redraw();
        select(model.selectedProperty().get());
    }

    private void select(OfferRow row) {
        syncing = true;
        try {
            if (row == null) {
                table.getSelectionModel().clearSelection();
                chart.selectedProperty().set(null);
            } else {
                table.getSelectionModel().select(row);
                table.scrollTo(row);
                chart.selectedProperty().set(row.uuid());
            }
        } finally {
            syncing = false;
        }
        refreshActions();
    }

    /** Why Ask cannot be pressed now, or null when it can (the controller binds it); its tooltip while disabled. */
    public StringProperty askWhyProperty() {
        return askWhy;
    }

    /** Enables Accept and Reject as the broker allows them on the selected offer (and it has not expired). */
    public void refreshActions() {
        OfferRow r = model.selectedProperty().get();
        List<SessionPhase> allowed = r == null ? List.of() : model.actions(r);
        accept.setDisable(!allowed.contains(SessionPhase.ACCEPTED));
        acceptWhy.set(r == null ? "select an offer in the table or on the timeline"
                : "the broker does not allow accepting this offer now (it may have expired)");
        reject.setDisable(!allowed.contains(SessionPhase.REJECTED));
    }

    /** Draws the timeline again from the view-model (after an ask's answers, or a broker's clock moved). */
    public void redraw() {
        boolean first = chart.layoutOfLanes().rows().isEmpty();
        OfferLanes.Content c = OfferLanes.of(model.request().orElse(null), List.copyOf(model.outcomes()),
                List.copyOf(model.rows()), model::flags, model::skew);
        List<Lane> lanes = new ArrayList<>(c.lanes());
        lanes.addAll(ghostLanes);
        List<Bar> bars = new ArrayList<>(c.bars());
        bars.addAll(ghostBars);
        chart.setContent(lanes, bars);
        chart.setShades(c.shades());
        if (first && !c.bars().isEmpty()) {
            chart.fitAll();
        }
        OfferRow sel = model.selectedProperty().get();
        chart.selectedProperty().set(sel == null ? null : sel.uuid());
        refreshActions();
    }

    /** Draws these what-if offers as ghost lanes under the live brokers' ones (replacing the last ones). */
    public void ghosts(List<Lane> lanes, List<Bar> bars) {
        ghostLanes = List.copyOf(lanes);
        ghostBars = List.copyOf(bars);
        redraw();
    }

    /** Moves the now line and the allowed actions on to the view-model's now (every second). */
    public void tick() {
        chart.nowProperty().set(model.nowProperty().get());
        refreshActions();
    }

    public void markers(List<Marker> markers) {
        chart.setMarkers(markers);
    }

    public TimelineChart chart() {
        return chart;
    }

    public TableView<OfferRow> table() {
        return table;
    }

    public Node root() {
        return root;
    }
}
