package io.orrery.workbench.whatif;

import io.orrery.broker.whatif.SweepPoint;
import io.orrery.client.compare.Comparison;
import io.orrery.client.text.HumanTime;
import io.orrery.client.compare.OfferRow;
import io.orrery.workbench.feature.Pins;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The What-if tab: the scenario (platforms, load, moment, how long the load ran before), Offers and Sweep
 * buttons, the offers with a button to show one as a ghost on the live timeline, and the sweep chart: earliest
 * start and finish (hours after the moment) and lowest cost against the swept value, a line per platform. It shows
 * the view-model only while bound ({@link #bind}).
 */
public final class WhatIfView {
    /** What the Offers and Sweep buttons ask of the controller (which knows the task). */
    public record Actions(Runnable offers, Runnable sweep) {
    }

    private HumanTime time = HumanTime.UTC;
    private final SplitPane root = new SplitPane();
    private final WhatIfViewModel model;
    private final TableView<OfferRow> table = new TableView<>();
    private final ListView<String> no = new ListView<>();
    private final LineChart<String, Number> times = new LineChart<>(new CategoryAxis(), new NumberAxis());
    private final LineChart<String, Number> costs = new LineChart<>(new CategoryAxis(), new NumberAxis());
    private final VBox platforms = new VBox(4);
    private final Pins platformPins = new Pins();
    private final ComboBox<String> load = new ComboBox<>();
    private final TextField at = field("whatifAt", "the moment asked, in UTC");
    private final TextField since = field("whatifSince", "how long the load ran before the moment");
    private final TextField sweep = field("whatifSweep",
            "cores=1..64, memory=4..256, duration=PT1H..PT8H, start=0..48 (hours), platform=cloud,budget");
    private final Button offersButton = new Button("Offers");
    private final Button sweepButton = new Button("Sweep");
    private final Label status = new Label();

    public WhatIfView(WhatIfViewModel model, Actions actions) {
        this.model = model;
        root.setId("whatIfPane");
        // the scenario scrolls rather than lose its buttons when the tab is short
        javafx.scene.control.ScrollPane scenario = new javafx.scene.control.ScrollPane(scenarioForm(actions));
        scenario.setFitToWidth(true);
        root.getItems().setAll(scenario, results());
        root.setDividerPositions(0.3);
    }

    public Node root() {
        return root;
    }

    /** Shows the scenario, the offers and the sweep of the view-model and follows them, until released. */
    public void bind(Pins pins) {
        pins.listen(model.points(), (ListChangeListener<SweepPoint>) c -> chart());
        pins.listen(model.platforms(), (ListChangeListener<WhatIfViewModel.Choice>) c -> fillPlatforms());
        fillPlatforms();
        pins.onRelease(platformPins::releaseAll);
        pins.bindBoth(load.valueProperty(), model.loadProperty());
        pins.bindBoth(at.textProperty(), model.atProperty());
        pins.bindBoth(since.textProperty(), model.sinceProperty());
        pins.bindBoth(sweep.textProperty(), model.sweepProperty());
        pins.bind(offersButton.disableProperty(), model.runningProperty());
        pins.bind(sweepButton.disableProperty(), model.runningProperty());
        pins.bind(status.textProperty(), model.statusProperty());
        pins.show(table::setItems, model.offers(), FXCollections.observableArrayList());
        pins.show(no::setItems, model.refusals(), FXCollections.observableArrayList());
        chart();
    }

    /** A checkbox per platform, each bound to whether the scenario includes it (until the next fill or release). */
    private void fillPlatforms() {
        platformPins.releaseAll();
        platforms.getChildren().setAll(model.platforms().stream().map(c -> {
            CheckBox b = new CheckBox(c.nameOrFile());
            b.setId("whatif-" + c.nameOrFile());
            platformPins.bindBoth(b.selectedProperty(), c.included());
            return (Node) b;
        }).toList());
    }

    private Node scenarioForm(Actions actions) {
        Button file = new Button("Add platform file\u2026");
        file.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Platforms", "*.yaml", "*.yml"));
            java.io.File f = fc.showOpenDialog(root.getScene().getWindow());
            if (f != null) {
                model.addPlatform(f.getAbsolutePath());
            }
        });
        load.setId("whatifLoad");
        load.setEditable(true);
        load.getItems().setAll("none", "trace:small-cluster", "synthetic:rate=60,cores=1..32,hours=0.5..6,seed=1",
                "synthetic:rate=2,cores=16..64,hours=2..8,seed=3");
        load.setTooltip(new Tooltip("none; synthetic:rate=JOBS_AN_HOUR,cores=MIN..MAX,hours=MIN..MAX,seed=N;"
                + " trace:small-cluster; or the path of an SWF file"));
        load.setMaxWidth(Double.MAX_VALUE);
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(6);
        g.addRow(0, label("Load"), load);
        g.addRow(1, label("At (UTC)"), at);
        g.addRow(2, label("Load since"), since);
        g.addRow(3, label("Sweep"), sweep);
        GridPane.setHgrow(load, Priority.ALWAYS);
        offersButton.setId("whatifOffersButton");
        offersButton.setOnAction(e -> actions.offers().run());
        sweepButton.setId("whatifSweepButton");
        sweepButton.setOnAction(e -> actions.sweep().run());
        status.setId("whatifStatus");
        status.setWrapText(true);
        VBox box = new VBox(8, new Label("Platforms"), platforms, file, g, new HBox(6, offersButton, sweepButton), status);
        box.setPadding(new Insets(8));
        return box;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static TextField field(String id, String tip) {
        TextField t = new TextField();
        t.setId(id);
        t.setTooltip(new Tooltip(tip));
        return t;
    }

    private Node results() {
        table.setId("whatifTable");
        table.setPlaceholder(new Label("Press Offers to see what each platform would offer at that moment"));
        table.getColumns().add(column("Platform", OfferRow::broker));
        table.getColumns().add(column("Start", r -> time.compact(r.start())));
        table.getColumns().add(column("End", r -> time.compact(r.end())));
        table.getColumns().add(column("Waits", r -> r.start() == null || model.moment() == null ? "-"
                : HumanTime.duration(Duration.between(model.moment(), r.start()))));
        table.getColumns().add(column("Cores", r -> String.valueOf(r.cores())));
        table.getColumns().add(column("Cost (" + Comparison.CURRENCY + ")", r -> {
            var c = r.costs().get(Comparison.MONETARY);
            return c == null ? "-" : c.toString();
        }));
        zoneHeaders();
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        no.setPrefHeight(60);
        no.setPlaceholder(new Label("No platform said NO"));
        Button ghost = new Button("Show on the timeline as a ghost");
        ghost.setId("ghostButton");
        ghost.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        ghost.setOnAction(e -> model.ghost(table.getSelectionModel().getSelectedItem()));
        Button clear = new Button("Clear ghosts");
        clear.setOnAction(e -> model.clearGhosts());
        times.setId("sweepChart");
        times.setTitle("Earliest start and finish, hours after the moment");
        costs.setTitle("Lowest cost");
        times.setAnimated(false);
        costs.setAnimated(false);
        times.setCreateSymbols(true);
        VBox left = new VBox(6, new HBox(6, ghost, clear), table, no);
        VBox.setVgrow(table, Priority.ALWAYS);
        left.setPadding(new Insets(6));
        SplitPane charts = new SplitPane(times, costs);
        charts.setOrientation(javafx.geometry.Orientation.VERTICAL);
        charts.setDividerPositions(0.62);
        SplitPane out = new SplitPane(left, charts);
        out.setDividerPositions(0.45);
        return out;
    }

    /** Shows times in that zone (the table's start and end, and their headers). */
    public void time(HumanTime shown) {
        time = shown;
        zoneHeaders();
        table.refresh();
    }

    private void zoneHeaders() {
        table.getColumns().get(1).setText("Start (" + time.zoneName() + ")");
        table.getColumns().get(2).setText("End (" + time.zoneName() + ")");
    }

    private static TableColumn<OfferRow, String> column(String title, Function<OfferRow, String> value) {
        TableColumn<OfferRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    /** Redraws the sweep: per platform a start and a finish line, and a cost line. */
    private void chart() {
        Map<String, XYChart.Series<String, Number>> series = new LinkedHashMap<>();
        Map<String, XYChart.Series<String, Number>> money = new LinkedHashMap<>();
        Instant at = model.moment();
        for (SweepPoint p : model.points()) {
            if (!p.yes()) {
                continue;
            }
            add(series, p.platform() + " start", p.value(), Duration.between(at, p.earliestStart()).toMinutes() / 60.0);
            add(series, p.platform() + " finish", p.value(), Duration.between(at, p.earliestFinish()).toMinutes() / 60.0);
            if (p.lowestCost() != null) {
                add(money, p.platform(), p.value(), p.lowestCost());
            }
        }
        javafx.collections.ObservableList<String> values = javafx.collections.FXCollections.observableArrayList(
                model.points().stream().map(SweepPoint::value).distinct().toList());
        ((CategoryAxis) times.getXAxis()).setCategories(values);
        ((CategoryAxis) costs.getXAxis()).setCategories(javafx.collections.FXCollections.observableArrayList(values));
        times.getXAxis().setLabel(model.sweptProperty().get());
        costs.getXAxis().setLabel(model.sweptProperty().get());
        times.getData().setAll(series.values());
        costs.getData().setAll(money.values());
    }

    private static void add(Map<String, XYChart.Series<String, Number>> into, String name, String x, double y) {
        into.computeIfAbsent(name, n -> {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(n);
            return s;
        }).getData().add(new XYChart.Data<>(x, y));
    }
}
