package io.orrery.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.client.Credentials;
import io.orrery.client.compare.OfferRow;
import io.orrery.model.SessionPhase;
import io.orrery.workbench.brokers.Health;
import io.orrery.workbench.monitor.Watched;
import io.orrery.workbench.timeline.Bar;
import io.orrery.workbench.timeline.Lane;
import io.orrery.workbench.timeline.TimelineChart;
import io.orrery.workbench.timeline.TimelineLayout;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, headless, from a task to a finished session: Ask fills the table and the timeline from the
 * built-in brokers; selection follows between them; a dead remote broker shows its error; Accept, monitor, cancel.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchPlanFxTest {
    @TempDir
    static Path config;

    private Workbench wb;

    @Start
    void start(Stage stage) throws Exception {
        wb = new Workbench(stage, Files.createTempDirectory(config, "run"));
        stage.show();
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

    /** Clicks the middle of what the query finds, found and measured on the JavaFX thread. */
    private static void click(FxRobot robot, String query) throws Exception {
        robot.clickOn(OnFx.call(() -> middle(robot.lookup(query).query())));
    }

    private static Point2D middle(Node n) {
        Bounds b = n.localToScreen(n.getBoundsInLocal());
        return new Point2D(b.getCenterX(), b.getCenterY());
    }

    /**
     * Scrolls the table to the row of that index, as a user would, waits until the table has laid it out with its
     * offer wholly inside the rows' viewport (not under the header or a scroll bar), and gives the point to click it
     * at (in its first columns), measured on the JavaFX thread.
     */
    private static Point2D rowToClick(TableView<OfferRow> table, int index) throws Exception {
        OnFx.run(() -> table.scrollTo(index));
        WaitForAsyncUtils.waitForFxEvents();
        // the flow scrolls on a later pulse: wait until the row stands still where it is shown, not only until shown
        Point2D[] last = {null};
        OnFx.await(Duration.ofSeconds(10), "row " + index + " laid out in view and still", () -> {
            TableRow<?> r = shownRow(table, index);
            Point2D at = r == null ? null : r.localToScreen(60, r.getHeight() / 2);
            boolean still = at != null && at.equals(last[0]);
            last[0] = at;
            return still;
        });
        return last[0];
    }

    private static TableRow<?> shownRow(TableView<OfferRow> table, int index) {
        Node viewport = table.lookup(".clipped-container");
        if (table.getItems().size() <= index || viewport == null) {
            return null;
        }
        Bounds visible = viewport.localToScreen(viewport.getBoundsInLocal());
        for (Node n : table.lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> r && r.getIndex() == index && r.getItem() == table.getItems().get(index)
                    && shown(r) && r.getHeight() > 0) {
                Bounds b = r.localToScreen(r.getBoundsInLocal());
                if (b != null && visible.contains(b.getMinX() + 60, b.getMinY())
                        && visible.contains(b.getMinX() + 60, b.getMaxY())) {
                    return r;
                }
            }
        }
        return null;
    }

    /** Visible with all its parents (the flow keeps a hidden row of its own for measuring). */
    private static boolean shown(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void askAndWait(FxRobot robot) throws Exception {
        click(robot, "#askButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> wb.offers().model().pendingProperty().get() == 0
                && !wb.offers().model().outcomes().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void dismissNotifications(FxRobot robot) {
        WindowSteps.dismissNotifications(robot);
    }

    @SuppressWarnings("unchecked")
    private static TableView<OfferRow> table(FxRobot robot) {
        return robot.lookup("#offersTable").queryAs(TableView.class);
    }

    private static TimelineChart chart(FxRobot robot) {
        return robot.lookup("#offersTimeline").queryAs(TimelineChart.class);
    }

    @Test
    void askFillsTheTableAndTheTimelineAndSelectionFollows(FxRobot robot) throws Exception {
        openSample(robot, "11-32-cores-4-hours.yaml");
        only(robot, "builtin:laptop", "builtin:cloud", "builtin:budget", "builtin:green-hpc");
        askAndWait(robot);
        TableView<OfferRow> table = OnFx.call(() -> table(robot));
        TimelineChart chart = OnFx.call(() -> chart(robot));
        List<OfferRow> rows = OnFx.call(() -> List.copyOf(table.getItems()));
        assertTrue(rows.size() >= 6, "three brokers offer: " + rows.size());
        TimelineLayout layout = OnFx.call(chart::layoutOfLanes);
        for (OfferRow r : rows) {
            assertTrue(layout.bar(r.uuid()).isPresent(), "every offer has its bar: " + r.uuid());
        }
        assertTrue(layout.rows().stream().anyMatch(r -> r.lane() != null && r.lane().kind() == Lane.Kind.NO
                && r.group().equals("builtin:laptop")), "the NO is drawn with its reasons");
        assertTrue(OnFx.call(() -> robot.lookup("#refusalsList").queryListView().getItems().stream()
                .anyMatch(r -> ((io.orrery.workbench.offers.Refusal) r).text().startsWith("builtin:laptop said NO"))));

        dismissNotifications(robot);
        robot.clickOn(rowToClick(table, 2));
        OnFx.await(Duration.ofSeconds(10), "the click on the third row to select it",
                () -> table.getSelectionModel().getSelectedItem() != null);
        OfferRow picked = OnFx.call(() -> table.getSelectionModel().getSelectedItem());
        assertEquals(rows.get(2), picked, "the row clicked is the one selected");
        assertEquals(picked.uuid(), OnFx.call(() -> chart.selectedProperty().get()),
                "the table's selection shows in the timeline");

        Bar other = layout.bar(rows.get(0).uuid()).orElseThrow();
        // as a user would scroll the timeline to the first offer's bar, then click it
        Point2D at = OnFx.call(() -> {
            chart.reveal(other.id());
            return chart.localToScreen(chart.whereIs(other.id()).orElseThrow());
        });
        robot.clickOn(at);
        OnFx.await(Duration.ofSeconds(10), "the click on the first offer's bar to select it",
                () -> other.id().equals(chart.selectedProperty().get()));
        assertEquals(other.id(), OnFx.call(() -> table.getSelectionModel().getSelectedItem().uuid()),
                "the timeline's selection shows in the table");
    }

    @Test
    void aDeadRemoteBrokerShowsItsErrorWhileTheOthersAnswer(FxRobot robot) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        int closed = port;
        robot.interact(() -> wb.brokers().add("dead", "http://127.0.0.1:" + closed, Credentials.NONE));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> wb.brokers().model().entry("dead").isPresent());
        openSample(robot, "01-minimal-container.yaml");
        only(robot, "dead", "builtin:cloud", "builtin:laptop");
        askAndWait(robot);
        assertEquals(3, wb.offers().model().outcomes().size());
        assertTrue(table(robot).getItems().stream().anyMatch(r -> r.broker().equals("builtin:cloud")));
        assertTrue(table(robot).getItems().stream().anyMatch(r -> r.broker().equals("builtin:laptop")));
        assertTrue(chart(robot).layoutOfLanes().rows().stream().anyMatch(r -> r.lane() != null
                && r.lane().kind() == Lane.Kind.ERROR && r.group().equals("dead")), "the error has its own lane");
        assertEquals(Health.FAILING, wb.brokers().model().entry("dead").orElseThrow().healthProperty().get());
        assertTrue(robot.lookup("#refusalsList").queryListView().getItems().stream()
                .anyMatch(r -> ((io.orrery.workbench.offers.Refusal) r).text().startsWith("dead failed")));
    }

    @Test
    void acceptMonitorsTheSessionToCompletedAndCancelWorks(FxRobot robot) throws Exception {
        openSample(robot, "01-minimal-container.yaml");
        only(robot, "builtin:laptop", "builtin:cloud");
        askAndWait(robot);
        TableView<OfferRow> table = table(robot);
        robot.interact(() -> wb.offers().model().selectedProperty().set(table.getItems().stream()
                .filter(r -> r.broker().equals("builtin:laptop")).findFirst().orElseThrow()));
        assertFalse(robot.lookup("#acceptButton").queryButton().isDisabled(), "the broker allows ACCEPTED");
        click(robot, "#acceptButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> wb.monitor().model().sessions().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table.getItems().stream().noneMatch(r -> r.broker().equals("builtin:laptop")),
                "the accepted offer set leaves the table");
        Watched w = wb.monitor().model().sessions().get(0);

        robot.interact(() -> wb.offers().model().selectedProperty().set(table.getItems().stream()
                .filter(r -> r.broker().equals("builtin:cloud")).findFirst().orElseThrow()));
        robot.interact(() -> wb.offers().accept(wb.offers().model().selectedProperty().get()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> wb.monitor().model().sessions().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        Watched second = wb.monitor().model().selectedProperty().get();
        assertEquals("builtin:cloud", second.broker());
        assertTrue(robot.listWindows().stream().anyMatch(x -> x instanceof javafx.stage.Popup p
                && p.getContent().stream().anyMatch(n -> n.getStyleClass().contains("notification-bar"))),
                "phase changes were notified");
        dismissNotifications(robot);
        click(robot, "#cancelSessionButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> second.phaseProperty().get() == SessionPhase.CANCELLED);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("CANCELLED", robot.lookup("#monitorPhase").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#cancelSessionButton").queryButton().isDisabled(), "nothing more to cancel");

        robot.interact(() -> wb.monitor().model().selectedProperty().set(w));
        dismissNotifications(robot);
        click(robot, "#runToEndButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> w.phaseProperty().get() == SessionPhase.COMPLETED);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("COMPLETED", robot.lookup("#monitorPhase").queryAs(Label.class).getText());
        assertTrue(w.history().stream().anyMatch(c -> c.phase() == SessionPhase.RUNNING));
        assertTrue(robot.lookup("#monitorTimeline").queryAs(TimelineChart.class).layoutOfLanes()
                .bar(w.url() + "#actual").isPresent(), "what happened is drawn under the plan");
    }

    @Test
    void theWhatIfViewSweepsChartsAndSendsAGhostToTheTimeline(FxRobot robot) throws Exception {
        openSample(robot, "11-32-cores-4-hours.yaml");
        robot.clickOn(robot.lookup(".tab").match((javafx.scene.Node n) -> n.lookup(".tab-label") instanceof Label l
                && l.getText().equals("What-if")).queryAs(javafx.scene.Node.class));
        var model = wb.whatIf().model();
        robot.interact(() -> {
            model.atProperty().set("2026-11-25T12:00:00Z");
            model.sweepProperty().set("cores=8..64");
        });
        click(robot, "#whatifSweepButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.points().isEmpty() && !model.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        javafx.scene.chart.LineChart<String, Number> chart = robot.lookup("#sweepChart").queryAs(javafx.scene.chart.LineChart.class);
        assertEquals(6, chart.getData().size(), "start and finish for each of green-hpc, cloud and budget");
        assertEquals(4, chart.getData().get(0).getData().size(), "8, 16, 32 and 64 cores");
        assertTrue(robot.lookup("#whatifStatus").queryAs(Label.class).getText().contains("budget: "));

        click(robot, "#whatifOffersButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.offers().isEmpty() && !model.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<OfferRow> offers = robot.lookup("#whatifTable").queryAs(TableView.class);
        robot.clickOn(rowToClick(offers, 0));
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(offers.getSelectionModel().getSelectedItem());
        click(robot, "#ghostButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.ghostBars().size());
        TimelineLayout layout = chart(robot).layoutOfLanes();
        assertTrue(layout.rows().stream().anyMatch(r -> r.lane() != null && r.lane().kind() == Lane.Kind.GHOST
                && r.group().startsWith("what-if: ")), "the ghost has its own lane group on the offers timeline");
    }
}
