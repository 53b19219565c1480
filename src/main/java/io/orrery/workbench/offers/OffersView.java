package io.orrery.workbench.offers;

import io.orrery.client.Outcome;
import io.orrery.client.compare.OfferRow;
import io.orrery.client.compare.Rank;
import io.orrery.model.SessionPhase;
import io.orrery.client.compare.NoHints;
import io.orrery.client.text.HumanTime;
import io.orrery.workbench.feature.Pins;
import io.orrery.workbench.feature.Snapshotable;
import io.orrery.workbench.timeline.BarStatus;
import io.orrery.workbench.timeline.TimelineLegend;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.layout.VBox;
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
    private final ObjectProperty<HumanTime> time = new SimpleObjectProperty<>(HumanTime.UTC);
    private final Label caption = new Label();
    private final TimelineLegend legend = new TimelineLegend(TimelineLegend.OFFERS);
    private final Label noTitle = new Label("Every broker said NO");
    private final Label bestHint = new Label();
    private final VBox allSaidNo = new VBox(2, noTitle, bestHint);
    private final SplitPane lower;
    private boolean syncing;
    /** Fit every offer into view as answers come, until the user zooms or pans (the value their moves had then). */
    private int fitUntilMoved = -1;
    private List<Lane> ghostLanes = List.of();
    private List<Bar> ghostBars = List.of();

    public OffersView(OffersViewModel model, Actions actions) {
        this.model = model;
        this.table = OffersTable.create(model, time);
        chart.setStatus(this::status);
        chart.setId("offersTimeline");
        refusals.setId("refusalsList");
        Label allOffered = new Label();
        allOffered.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.outcomes().isEmpty()
                ? "Brokers that say NO are listed here, with their reasons" : "Every broker asked made offers",
                model.outcomes()));
        allOffered.setWrapText(true);
        refusals.setPlaceholder(allOffered);
        refusals.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Refusal r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : (r.error() ? "\u2716 " : "\u2298 ") + time.get().humanize(r.text()));
                setWrapText(true);
                setPrefWidth(0);
                setStyle(empty || r == null ? "" : r.error() ? "-fx-text-fill: -color-danger-fg;"
                        : "-fx-text-fill: -color-warning-fg;");
                setTooltip(empty || r == null ? null : new Tooltip(time.get().humanize(String.join("\n", r.reasons()))));
            }
        });
        caption.setId("answersCaption");
        caption.getStyleClass().add("answers-caption");
        caption.setMinWidth(0);
        legend.setId("timelineLegend");
        legend.setPadding(new Insets(1, 6, 1, 6));
        root.setTop(toolbar(actions));
        allSaidNo.setId("allSaidNo");
        allSaidNo.getStyleClass().add("all-said-no");
        noTitle.getStyleClass().add("title");
        bestHint.setId("bestHint");
        bestHint.setWrapText(true);
        allSaidNo.setVisible(false);
        allSaidNo.managedProperty().bind(allSaidNo.visibleProperty());
        SplitPane upper = new SplitPane(table, refusals);
        upper.setDividerPositions(0.84);
        VBox top = new VBox(allSaidNo, upper);
        VBox.setVgrow(upper, Priority.ALWAYS);
        BorderPane timeline = new BorderPane(chart);
        timeline.setTop(legend);
        lower = new SplitPane(timeline);
        SplitPane split = new SplitPane(top, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.56);
        root.setCenter(split);
    }

    /** Puts another view of the offers (the trade-off plot) beside the timeline, sharing its room. */
    public void addBeside(Node view) {
        lower.getItems().add(view);
        lower.setDividerPositions(0.62);
    }

    /** The zone instants are shown in (the table's, the timeline's and the caption's). */
    public ObjectProperty<HumanTime> timeProperty() {
        return time;
    }

    /** The offers timeline, to save as a picture. */
    public Snapshotable timeline() {
        return Snapshotable.of(chart, "offers-timeline");
    }

    /** An offer's bar as the view-model judges the offer (the words its table row shows); ghosts by their own expiry. */
    private BarStatus status(Bar b) {
        return model.row(b.id()).map(r -> new BarStatus(model.state(r) == OfferState.EXPIRED, model.stateText(r)))
                .orElseGet(() -> BarStatus.byClock(b, chart.nowProperty().get()));
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
        HBox.setHgrow(caption, Priority.SOMETIMES);
        HBox bar = new HBox(8, WhyDisabled.wrap(ask, askWhy), stop, waiting, pending, caption, gap, rank, fit, reject,
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
        pins.bind(model.caption().timeProperty(), time);
        pins.bind(caption.textProperty(), model.caption().textProperty());
        pins.listen(model.caption().staleProperty(), (o, was, stale) -> dim(stale));
        pins.listen(model.clockRevisionProperty(), o -> chart.redraw());
        pins.listen(chart.backgroundProperty(), o -> legend.paint(chart.palette()));
        pins.listen(time, o -> {
            chart.setTime(time.get());
            refusals.refresh();
            redraw();
        });
        chart.setTime(time.get());
        dim(model.caption().staleProperty().get());
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
        pins.listen(model.pendingProperty(), (o, was, now) -> {
            if (was.intValue() == 0 && now.intValue() > 0) {
                fitUntilMoved = chart.userMovesProperty().get(); // a new ask: fit its answers as they come
            }
            showAllSaidNo();
        });
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
                : r.url() == null ? "this broker's protocol has no accept (a CanIDoThis answer only says whether it"
                + " could run the task)"
                : "the broker does not allow accepting this offer now (it may have expired)");
        reject.setDisable(!allowed.contains(SessionPhase.REJECTED));
    }

    /** Dims the answers once they no longer answer the task in the editor (the caption says why). */
    private void dim(boolean stale) {
        for (Node n : List.of(table, chart, refusals)) {
            n.getStyleClass().remove("stale-answers");
            if (stale) {
                n.getStyleClass().add("stale-answers");
            }
        }
        caption.getStyleClass().remove("stale");
        if (stale) {
            caption.getStyleClass().add("stale");
        }
    }

    /** When every broker has answered and none made an offer: says so, with the most useful hint first. */
    private void showAllSaidNo() {
        boolean none = model.pendingProperty().get() == 0 && NoHints.allSaidNo(List.copyOf(model.outcomes()));
        allSaidNo.setVisible(none);
        if (none) {
            List<NoHints.Hint> hints = NoHints.of(List.copyOf(model.outcomes()));
            bestHint.setText(hints.isEmpty() ? "No broker said why." : "Best hint: " + hints.get(0).broker() + ": "
                    + time.get().humanize(hints.get(0).text()) + (hints.size() > 1 ? "  (every reason is listed"
                    + " on the right)" : ""));
        }
    }

    /** Draws the timeline again from the view-model (after an ask's answers, or a broker's clock moved). */
    public void redraw() {
        boolean first = chart.layoutOfLanes().rows().isEmpty();
        OfferLanes.Content c = OfferLanes.of(model.request().orElse(null), List.copyOf(model.outcomes()),
                List.copyOf(model.rows()), model::flags, model::skew, time.get());
        List<Lane> lanes = new ArrayList<>(c.lanes());
        lanes.addAll(ghostLanes);
        List<Bar> bars = new ArrayList<>(c.bars());
        bars.addAll(ghostBars);
        chart.setContent(lanes, bars);
        chart.setShades(c.shades());
        boolean fitting = fitUntilMoved >= 0 && fitUntilMoved == chart.userMovesProperty().get();
        if (!c.bars().isEmpty() && (first || fitting)) {
            chart.fitAll();
        }
        legend.paint(chart.palette());
        showAllSaidNo();
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
