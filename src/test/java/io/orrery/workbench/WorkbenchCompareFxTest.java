package io.orrery.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.client.compare.OfferRow;
import io.orrery.model.SessionPhase;
import io.orrery.workbench.monitor.Watched;
import io.orrery.workbench.timeline.BarStatus;
import io.orrery.workbench.timeline.Palette;
import io.orrery.workbench.timeline.TimelineChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The comparison at the size of a small laptop screen (1280x800), headless: the table has room for eight rows and
 * every header reads whole; the table and the timeline agree on every offer's state after a session is run to its
 * end, and Reset brings the built-in brokers back to real time; a click on the trade-off plot selects the row; the
 * caption names the task and dims its answers once another task is opened; every broker saying NO is said so.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchCompareFxTest {
    @TempDir
    static Path config;

    private Workbench wb;
    private Stage stage;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = Files.createTempDirectory(config, "run");
        wb = new Workbench(stage, dir);
        stage.show();
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @AfterEach
    void closeIt(FxRobot robot) {
        robot.interact(wb::close);
    }

    private void openSample(FxRobot robot, String name) throws Exception {
        WindowSteps.openSample(robot, wb, name);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void only(FxRobot robot, String... names) {
        WindowSteps.only(robot, wb, names);
    }

    private void ask(FxRobot robot) throws Exception {
        robot.interact(wb.offers()::ask);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> wb.offers().model().pendingProperty().get() == 0
                && !wb.offers().model().outcomes().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static TableView<OfferRow> table(FxRobot robot) {
        return robot.lookup("#offersTable").queryAs(TableView.class);
    }

    private static TimelineChart chart(FxRobot robot) {
        return robot.lookup("#offersTimeline").queryAs(TimelineChart.class);
    }

    private static void dismissNotifications(FxRobot robot) {
        WindowSteps.dismissNotifications(robot);
    }

    /** A picture of the window in target/, to look at. */
    private void snap(FxRobot robot, String name) throws Exception {
        var image = OnFx.call(() -> wb.scene().snapshot(null));
        var m = Screenshot.class.getDeclaredMethod("write", javafx.scene.image.WritableImage.class, Path.class);
        m.setAccessible(true);
        m.invoke(null, image, Path.of("target", "compare-" + name + ".png"));
    }

    private static Point2D middle(Node n) {
        Bounds b = n.localToScreen(n.getBoundsInLocal());
        return new Point2D(b.getCenterX(), b.getCenterY());
    }

    @Test
    void atTheSizeOfASmallLaptopTheTableHasRoomForEightRowsAndEveryHeaderReadsWhole(FxRobot robot) throws Exception {
        openSample(robot, "11-32-cores-4-hours.yaml");
        only(robot, "builtin:cloud", "builtin:budget", "builtin:green-hpc");
        ask(robot);
        TableView<OfferRow> table = table(robot);
        snap(robot, "layout");
        assertEquals(1280, OnFx.call(() -> wb.scene().getWidth()), 1);
        double rows = OnFx.call(() -> {
            Node viewport = table.lookup(".clipped-container");
            TableRow<?> row = (TableRow<?>) table.lookupAll(".table-row-cell").stream()
                    .filter(n -> n instanceof TableRow<?> r && r.getItem() != null).findFirst().orElseThrow();
            return viewport.getLayoutBounds().getHeight() / row.getHeight();
        });
        assertTrue(rows >= 8, "the rows' viewport holds " + rows + " rows at 1280x800");
        List<String> cut = OnFx.call(() -> {
            List<String> out = new ArrayList<>();
            for (TableColumn<OfferRow, ?> c : table.getColumns()) {
                Label header = (Label) c.getGraphic();
                // what the header really draws: its text node, ellipsized when the column is too narrow
                String drawn = ((javafx.scene.text.Text) header.lookup(".text")).getText();
                if (!drawn.equals(header.getText()) || header.getWidth() + 0.5 < header.prefWidth(-1)) {
                    out.add(header.getText() + " drawn as '" + drawn + "' in " + c.getWidth());
                }
            }
            return out;
        });
        assertTrue(cut.isEmpty(), "headers cut: " + cut);
        List<String> headers = OnFx.call(() -> table.getColumns().stream()
                .map(c -> ((Label) c.getGraphic()).getText()).toList());
        assertTrue(headers.containsAll(List.of("Start (UTC)", "Duration", "Energy (kWh)", "Cost (EUR)",
                "Memory (GiB)", "State")), headers.toString());
        OfferRow ranged = OnFx.call(() -> table.getItems().stream().filter(r -> r.costs().values().stream()
                .anyMatch(x -> x.min() != null && x.max() != null && x.max() > x.min())).findFirst().orElse(null));
        if (ranged != null) {
            String cost = OnFx.call(() -> String.valueOf(table.getColumns().stream()
                    .filter(c -> ((Label) c.getGraphic()).getText().equals("Cost (EUR)")).findFirst().orElseThrow()
                    .getCellData(ranged)));
            assertEquals(ranged.costs().get(io.orrery.client.compare.Comparison.MONETARY).toString(), cost);
        }
        // every offer in view after the ask: the whole of each bar lies inside the visible time
        TimelineChart chart = chart(robot);
        for (OfferRow r : OnFx.call(() -> List.copyOf(table.getItems()))) {
            var bar = OnFx.call(() -> chart.layoutOfLanes().bar(r.uuid()).orElseThrow());
            assertTrue(!bar.start().isBefore(chart.axis().start()) && !bar.end().isAfter(chart.axis().end()),
                    "offer " + r.uuid() + " is drawn in view");
        }
        assertTrue(robot.lookup("#timelineLegend").tryQuery().isPresent(), "a legend says what the colours mean");
    }

    /** Each offer's state as its table row writes it, read from the cells on show. */
    private static Map<String, String> stateCells(TableView<OfferRow> table) {
        Map<String, String> out = new TreeMap<>();
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell && cell.getTableColumn() != null
                    && "stateColumn".equals(cell.getTableColumn().getId()) && cell.getTableRow() != null
                    && cell.getTableRow().getItem() instanceof OfferRow r && cell.isVisible()) {
                out.put(r.uuid(), cell.getText());
            }
        }
        return out;
    }

    /** Every row's state as the table shows it agrees with its bar on the timeline; returns the states. */
    private Map<String, String> tableAndTimelineAgree(FxRobot robot) throws Exception {
        TableView<OfferRow> table = table(robot);
        TimelineChart chart = chart(robot);
        return OnFx.call(() -> {
            Map<String, String> shown = new TreeMap<>();
            for (int i = 0; i < table.getItems().size(); i++) {
                table.scrollTo(i);
                table.layout();
                shown.putAll(stateCells(table));
            }
            assertEquals(table.getItems().size(), shown.size(), "every row's state was read from its cell");
            for (OfferRow r : table.getItems()) {
                BarStatus drawn = chart.statusOf(r.uuid()).orElseThrow();
                assertEquals(shown.get(r.uuid()), drawn.note(), "the bar of " + r.broker() + " says what its row says");
                assertEquals(drawn.expired(), shown.get(r.uuid()).equals("expired"));
            }
            return shown;
        });
    }

    @Test
    void afterRunToEndTheTableAndTheTimelineAgreeAndResetRestoresRealTime(FxRobot robot) throws Exception {
        openSample(robot, "01-minimal-container.yaml");
        only(robot, "builtin:laptop", "builtin:cloud", "builtin:budget", "builtin:green-hpc");
        ask(robot);
        Map<String, String> before = tableAndTimelineAgree(robot);
        assertTrue(before.values().stream().noneMatch("expired"::equals), before.toString());
        assertEquals("built-in brokers: real time", robot.lookup("#simulatedClock").queryAs(Label.class).getText());

        robot.interact(() -> wb.offers().model().selectedProperty().set(wb.offers().model().rows().stream()
                .filter(r -> r.broker().equals("builtin:laptop")).findFirst().orElseThrow()));
        robot.interact(() -> wb.offers().accept(wb.offers().model().selectedProperty().get()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> wb.monitor().model().sessions().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        Watched w = wb.monitor().model().sessions().get(0);
        long others = OnFx.call(() -> wb.offers().model().rows().stream()
                .filter(r -> r.broker().startsWith("builtin:")).count());
        dismissNotifications(robot);
        robot.clickOn(OnFx.call(() -> middle(robot.lookup("#runToEndButton").query())));
        DialogPane question = waitForConfirmation(robot);
        String said = OnFx.call(question::getContentText);
        assertTrue(said.contains(others + " open offers"), "it says how many offers the move expires: " + said);
        robot.clickOn(OnFx.call(() -> middle(question.lookupButton(ButtonType.OK))));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> w.phaseProperty().get() == SessionPhase.COMPLETED);
        OnFx.await(Duration.ofSeconds(10), "the clock control shows the move",
                () -> robot.lookup("#simulatedClock").queryAs(Label.class).getText().contains("simulated +"));
        Map<String, String> after = tableAndTimelineAgree(robot);
        assertTrue(after.values().stream().allMatch("expired"::equals), "the run expired every offer: " + after);

        dismissNotifications(robot);
        snap(robot, "after-run");
        robot.clickOn(OnFx.call(() -> middle(robot.lookup("#resetClockButton").query())));
        OnFx.await(Duration.ofSeconds(10), "the clock back on real time",
                () -> wb.brokers().model().offlineClock().shift().isZero()
                        && robot.lookup("#simulatedClock").queryAs(Label.class).getText().endsWith("real time"));
        Duration apart = Duration.between(Instant.now(), wb.brokers().model().offlineClock().instant()).abs();
        assertTrue(apart.compareTo(Duration.ofSeconds(1)) < 0, "the built-in brokers' clock is the real one: " + apart);
        assertEquals("PT0S", readSetting(robot, "offline.shift"), "and stays so after a restart");
        Map<String, String> reset = tableAndTimelineAgree(robot);
        assertTrue(reset.values().stream().noneMatch("expired"::equals), "on real time again, no offer had expired yet: "
                + reset);
    }

    private String readSetting(FxRobot robot, String key) throws Exception {
        Path file = dir.resolve("workbench.properties");
        OnFx.await(Duration.ofSeconds(5), "the settings saved", () -> Files.isRegularFile(file)
                && Files.readString(file).contains(key + "=PT0S"));
        java.util.Properties p = new java.util.Properties();
        p.load(new java.io.StringReader(Files.readString(file)));
        return p.getProperty(key);
    }

    private static DialogPane waitForConfirmation(FxRobot robot) {
        OnFx.await(Duration.ofSeconds(10), "the question before the clock moves",
                () -> robot.listWindows().stream().anyMatch(WorkbenchCompareFxTest::isConfirmation));
        Window w = robot.listWindows().stream().filter(WorkbenchCompareFxTest::isConfirmation).findFirst().orElseThrow();
        return (DialogPane) w.getScene().getRoot();
    }

    private static boolean isConfirmation(Window w) {
        return w.getScene() != null && w.getScene().getRoot() instanceof DialogPane d
                && "skipConfirmation".equals(d.getId());
    }

    @Test
    void aClickOnTheTradeOffPlotSelectsTheRowAndARowSelectedRingsItsPoint(FxRobot robot) throws Exception {
        openSample(robot, "11-32-cores-4-hours.yaml");
        only(robot, "builtin:cloud", "builtin:budget", "builtin:green-hpc");
        ask(robot);
        dismissNotifications(robot);
        var tradeoff = wb.tradeoff();
        List<OfferRow> rows = OnFx.call(() -> List.copyOf(table(robot).getItems()));
        OfferRow target = rows.get(rows.size() - 1);
        OnFx.await(Duration.ofSeconds(10), "its point drawn", () -> tradeoff.view().pointNode(target.uuid())
                .map(n -> n.getScene() != null && n.localToScreen(n.getBoundsInLocal()) != null).orElse(false));
        robot.clickOn(OnFx.call(() -> middle(tradeoff.view().pointNode(target.uuid()).orElseThrow())));
        OnFx.await(Duration.ofSeconds(10), "the click on the point to select its row",
                () -> table(robot).getSelectionModel().getSelectedItem() != null
                        && target.uuid().equals(table(robot).getSelectionModel().getSelectedItem().uuid()));
        assertEquals(target.uuid(), OnFx.call(() -> chart(robot).selectedProperty().get()), "and its bar");

        OfferRow other = rows.get(0);
        robot.interact(() -> table(robot).getSelectionModel().select(other));
        assertEquals(other.uuid(), OnFx.call(() -> tradeoff.model().selectedProperty().get()),
                "a row selected in the table is the point selected on the plot");
        assertTrue(OnFx.call(() -> tradeoff.model().front().size()) >= 1, "a front is drawn");
        assertTrue(OnFx.call(() -> robot.lookup("#tradeoffSummary").queryAs(Label.class).getText())
                .contains("on the Pareto front"));
    }

    @Test
    void theCaptionNamesTheTaskAndTheAnswersDimOnceAnotherTaskIsOpened(FxRobot robot) throws Exception {
        openSample(robot, "11-32-cores-4-hours.yaml");
        only(robot, "builtin:cloud");
        ask(robot);
        String caption = OnFx.call(() -> robot.lookup("#answersCaption").queryAs(Label.class).getText());
        assertTrue(caption.matches("Answers to 11-32-cores-4-hours at \\d\\d:\\d\\d:\\d\\d UTC"), caption);
        assertFalse(OnFx.call(() -> table(robot).getStyleClass().contains("stale-answers")));
        // times in another zone, as the setting in the status bar chooses
        robot.interact(() -> robot.lookup("#timeZoneChoice").queryComboBox().setValue("+02:00"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(OnFx.call(() -> robot.lookup("#answersCaption").queryAs(Label.class).getText())
                .matches("Answers to 11-32-cores-4-hours at \\d\\d:\\d\\d:\\d\\d \\+02:00"));
        assertTrue(OnFx.call(() -> table(robot).getColumns().stream().anyMatch(c -> c.getGraphic() instanceof Label l
                && l.getText().equals("Start (+02:00)"))), "the table's times say their zone");
        openSample(robot, "01-minimal-container.yaml");
        OnFx.await(Duration.ofSeconds(10), "the caption to say another task is open", () -> robot.lookup(
                "#answersCaption").queryAs(Label.class).getText().contains("another task is open"));
        assertTrue(OnFx.call(() -> table(robot).getStyleClass().contains("stale-answers")
                && chart(robot).getStyleClass().contains("stale-answers")), "the old answers are dimmed");
        ask(robot);
        assertTrue(OnFx.call(() -> robot.lookup("#answersCaption").queryAs(Label.class).getText())
                .startsWith("Answers to 01-minimal-container at "));
        assertFalse(OnFx.call(() -> table(robot).getStyleClass().contains("stale-answers")), "fresh answers");
    }

    @Test
    void whenEveryBrokerSaysNoTheWindowSaysSoWithTheBestHintFirst(FxRobot robot) throws Exception {
        openSample(robot, "11-32-cores-4-hours.yaml");
        only(robot, "builtin:laptop");
        ask(robot);
        assertTrue(OnFx.call(() -> robot.lookup("#allSaidNo").query().isVisible()), "the NO state is shown");
        String hint = OnFx.call(() -> robot.lookup("#bestHint").queryAs(Label.class).getText());
        assertTrue(hint.startsWith("Best hint: builtin:laptop: ") && hint.contains("cores"), hint);
        assertNotNull(stage);
    }

    @Test
    void theTimelinesAndTheTradeOffPlotTurnDarkWithTheTheme(FxRobot robot) throws Exception {
        openSample(robot, "11-32-cores-4-hours.yaml");
        only(robot, "builtin:cloud", "builtin:budget");
        ask(robot);
        TimelineChart offers = chart(robot);
        TimelineChart sessions = robot.lookup("#monitorTimeline").queryAs(TimelineChart.class);
        assertEquals(Palette.LIGHT, OnFx.call(offers::palette));
        robot.interact(() -> ((javafx.scene.control.MenuBar) wb.scene().getRoot().lookup(".menu-bar")).getMenus()
                .stream().flatMap(m -> m.getItems().stream()).filter(i -> "themeItem".equals(i.getId())).findFirst()
                .orElseThrow().fire());
        WaitForAsyncUtils.waitForFxEvents();
        OnFx.await(Duration.ofSeconds(10), "the offers timeline dark", () -> offers.palette() == Palette.DARK);
        snap(robot, "dark");
        OnFx.run(() -> wb.planTabs().getSelectionModel().select(1));
        OnFx.await(Duration.ofSeconds(10), "the sessions timeline dark", () -> sessions.palette() == Palette.DARK);
        javafx.scene.layout.Region plot = (javafx.scene.layout.Region) robot.lookup("#tradeoffChart")
                .lookup(".chart-plot-background").query();
        javafx.scene.paint.Color back = (javafx.scene.paint.Color) OnFx.call(() -> plot.getBackground().getFills()
                .get(0).getFill());
        assertTrue(back.getBrightness() < 0.5, "the trade-off plot's background is dark: " + back);
    }
}
