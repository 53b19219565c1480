package io.orrery.workbench.monitor;

import io.orrery.model.PhaseChange;
import io.orrery.model.SessionPhase;
import io.orrery.workbench.feature.Pins;
import io.orrery.workbench.timeline.TimelineChart;
import java.time.Instant;
import io.orrery.client.text.HumanTime;
import io.orrery.workbench.feature.Snapshotable;
import io.orrery.workbench.timeline.TimelineLegend;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The monitor: the sessions being followed, the selected one's phase, components, connectors (links) and phase
 * history, cancel, and (built-in brokers) skipping the offline clock ahead; a timeline of every session's plan
 * against what actually happened. It shows the view-model only while bound ({@link #bind}).
 */
public final class MonitorView {
    /** What the buttons and links ask of the controller (each on the selected session). */
    public record Actions(Consumer<Watched> cancel, Consumer<Watched> skip, Consumer<Watched> runToEnd,
                          Consumer<Watched> forget, Consumer<String> openLink,
                          java.util.function.Predicate<String> simulatedClock) {
    }

    private HumanTime time = HumanTime.UTC;
    private final TimelineLegend legend = new TimelineLegend(TimelineLegend.SESSIONS);
    private final BorderPane root = new BorderPane();
    private final MonitorViewModel model;
    private final Supplier<Instant> now;
    private final Actions actions;
    private final ListView<Watched> list = new ListView<>();
    private final TimelineChart chart = new TimelineChart();
    private final Label phase = new Label();
    private final Label components = new Label();
    private final Label problem = new Label();
    private final FlowPane links = new FlowPane(6, 2);
    private final ListView<PhaseChange> history = new ListView<>();
    private final Button cancel = new Button("Cancel session");
    private final Button skip = new Button("Skip to next change");
    private final Button toEnd = new Button("Run to end");
    private final Button forget = new Button("Forget");
    private final SplitPane top = new SplitPane();

    public MonitorView(MonitorViewModel model, Supplier<Instant> now, Actions actions) {
        this.model = model;
        this.now = now;
        this.actions = actions;
        list.setId("monitorList");
        chart.setId("monitorTimeline");
        phase.setId("monitorPhase");
        cancel.setId("cancelSessionButton");
        skip.setId("skipButton");
        toEnd.setId("runToEndButton");
        list.setPlaceholder(new Label("Accept an offer to follow its session here"));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Watched w, boolean empty) {
                super.updateItem(w, empty);
                setText(empty || w == null ? null : w.name() + "  \u00b7  " + w.broker() + "\n" + w.phaseProperty().get()
                        + (w.problemProperty().get().isEmpty() ? "" : "  \u26a0 " + w.problemProperty().get()));
            }
        });
        history.setId("historyList");
        history.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(PhaseChange c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : time.instant(c.at()) + "  " + c.phase()
                        + (c.reason() == null ? "" : "  (" + time.humanize(c.reason()) + ")"));
            }
        });
        links.setId("connectorLinks");
        problem.setStyle("-fx-text-fill: -color-danger-fg;");
        phase.setStyle("-fx-font-size: 15px; -fx-font-weight: bold;");
        cancel.setOnAction(e -> onSelected(actions.cancel()));
        skip.setOnAction(e -> onSelected(actions.skip()));
        toEnd.setOnAction(e -> onSelected(actions.runToEnd()));
        forget.setOnAction(e -> onSelected(actions.forget()));
        skip.setTooltip(new Tooltip("Built-in brokers only: move their clock to the next planned change"));
        toEnd.setTooltip(new Tooltip("Built-in brokers only: move their clock on until this session ends"));
        FlowPane buttons = new FlowPane(6, 6, cancel, skip, toEnd, forget); // wraps when the log pane is beside
        VBox details = new VBox(6, phase, components, problem, links, buttons, history);
        details.setPadding(new Insets(6));
        VBox.setVgrow(history, javafx.scene.layout.Priority.ALWAYS);
        top.getItems().setAll(list, details);
        top.setDividerPositions(0.35);
        BorderPane lower = new BorderPane(chart);
        legend.setPadding(new Insets(2, 6, 2, 6));
        lower.setTop(legend);
        SplitPane split = new SplitPane(top, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        root.setCenter(split);
        show();
    }

    /** Shows the view-model's sessions and follows them (and it the selection), until released. */
    public void bind(Pins pins) {
        pins.show(list::setItems, model.sessions(), FXCollections.observableArrayList());
        pins.listen(list.getSelectionModel().selectedItemProperty(), (o, was, w) -> {
            if (w != null) {
                model.selectedProperty().set(w);
            }
        });
        pins.listen(model.selectedProperty(), (o, was, w) -> {
            list.getSelectionModel().select(w);
            show();
        });
        pins.listen(chart.selectedProperty(), (o, was, id) -> {
            if (id != null) {
                model.sessions().stream().filter(w -> id.startsWith(w.url() + "#")).findFirst()
                        .ifPresent(model.selectedProperty()::set);
            }
        });
        pins.listen(model.revisionProperty(), (o, was, rev) -> refresh());
        refresh();
    }

    private void onSelected(Consumer<Watched> action) {
        Watched w = model.selectedProperty().get();
        if (w != null) {
            action.accept(w);
        }
    }

    /** Redraws the list, the details and the timeline (when something changed). */
    public void refresh() {
        list.refresh();
        tick();
        show();
    }

    /** Moves the now line on, and the bars of sessions still under way with it (every second). */
    public void tick() {
        SessionLanes.Content c = SessionLanes.of(List.copyOf(model.sessions()), model::now, time);
        boolean first = chart.layoutOfLanes().rows().isEmpty();
        chart.setContent(c.lanes(), c.bars());
        chart.nowProperty().set(now.get());
        if (first && !c.bars().isEmpty()) {
            chart.fitAll();
        }
        legend.paint(chart.palette());
    }

    /** Shows times in that zone from now on. */
    public void time(HumanTime shown) {
        time = shown;
        chart.setTime(shown);
        history.refresh();
        tick();
    }

    /** The sessions timeline, to save as a picture. */
    public Snapshotable timeline() {
        return Snapshotable.of(chart, "sessions-timeline");
    }

    private void show() {
        Watched w = model.selectedProperty().get();
        boolean none = w == null;
        phase.setText(none ? "No session selected" : w.phaseProperty().get().name());
        components.setText(none ? "" : w.componentsProperty().get().isEmpty() ? "" : "components: " + w.componentsProperty().get());
        problem.setText(none ? "" : w.problemProperty().get());
        links.getChildren().clear();
        if (!none) {
            for (Watched.Link l : w.links()) {
                Hyperlink h = new Hyperlink(l.label() + ": " + l.location());
                h.setOnAction(e -> actions.openLink().accept(l.location()));
                links.getChildren().add(h);
            }
            history.getItems().setAll(w.history());
        } else {
            history.getItems().clear();
        }
        cancel.setDisable(none || !w.actions().contains(SessionPhase.CANCELLED));
        boolean local = !none && actions.simulatedClock().test(w.broker()) && !w.ended();
        skip.setDisable(!local);
        toEnd.setDisable(!local);
        forget.setDisable(none);
        if (!none) {
            chart.selectedProperty().set(w.url() + "#actual");
        }
    }

    /** Shows the pane (the selected session's log and outputs) beside the details, or takes it away. */
    public void beside(Node pane, boolean shown) {
        if (shown && !top.getItems().contains(pane)) {
            top.getItems().add(pane);
            top.setDividerPositions(0.18, 0.5);
        } else if (!shown && top.getItems().remove(pane)) {
            top.setDividerPositions(0.35);
        }
    }

    /** Extra lines on the timeline (the built-in brokers' now, when their clock runs ahead). */
    public void markers(List<io.orrery.workbench.timeline.Marker> markers) {
        chart.setMarkers(markers);
    }

    public Node root() {
        return root;
    }
}
