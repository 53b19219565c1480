package io.orrery.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.client.LocalBroker;
import io.orrery.client.WritingExecution;
import io.orrery.client.compare.OfferRow;
import io.orrery.workbench.monitor.Watched;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real window, headless, with a built-in broker whose sessions really run (here the test's adapter, which
 * writes a log line and an output file; point {@link #PLATFORM} and {@link #builtIns} at the {@code local}
 * platform to run the same steps on the container engine): ask, accept the offer, select the session in the
 * monitor, see the line appear in its live log, save its output through the window.
 */
@ExtendWith(ApplicationExtension.class)
class LiveLogFxTest {
    /** The platform whose built-in broker runs the sessions. */
    private static final String PLATFORM = "laptop";
    private static final Duration MOST = Duration.ofSeconds(30);

    @TempDir
    static Path config;

    private Workbench wb;
    private WritingExecution adapter;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory(config, "run");
        wb = new Workbench(stage, dir, builtIns());
        stage.show();
    }

    /** How the window opens its built-in brokers: the platform's runs its sessions with the test's adapter. */
    private LocalBroker.Opener builtIns() throws Exception {
        adapter = new WritingExecution(Files.createDirectories(dir.resolve("sessions")), Clock.systemUTC(), true);
        return LocalBroker.Opener.SIMULATED.running(PLATFORM, adapter);
    }

    @AfterEach
    void closeIt(FxRobot robot) {
        robot.interact(wb::close);
    }

    @Test
    void theLogOfAnAcceptedSessionShowsLiveAndItsOutputIsSaved(FxRobot robot) throws Exception {
        WindowSteps.openSample(robot, wb, "01-minimal-container.yaml");
        WindowSteps.only(robot, wb, "builtin:" + PLATFORM);
        WindowSteps.click(robot, () -> robot.lookup("#askButton").query());
        OnFx.await(MOST, "the built-in broker's offers", () -> wb.offers().model().pendingProperty().get() == 0
                && !wb.offers().model().rows().isEmpty());
        OfferRow offer = OnFx.call(() -> wb.offers().model().rows().get(0));
        robot.interact(() -> wb.offers().model().selectedProperty().set(offer));
        WindowSteps.click(robot, () -> robot.lookup("#acceptButton").query());
        OnFx.await(MOST, "the accepted session in the monitor", () -> wb.monitor().model().sessions().size() == 1);
        Watched w = OnFx.call(() -> wb.monitor().model().sessions().get(0));

        WindowSteps.click(robot, () -> robot.lookup("#monitorList").lookup(".list-cell").nth(0).query());
        assertEquals(w, OnFx.call(() -> wb.monitor().model().selectedProperty().get()));
        OnFx.await(MOST, "the log pane beside the session, once it lists its outputs",
                () -> robot.lookup("#stdoutLog").tryQuery().isPresent());
        TextArea log = OnFx.call(() -> robot.lookup("#stdoutLog").queryAs(TextArea.class));
        OnFx.await(MOST, "the log line in the monitor's log pane",
                () -> log.getText().contains(WritingExecution.LINE.strip()) && OnFx.shown(log));

        adapter.finish(WritingExecution.uuid(w.url()));
        @SuppressWarnings("unchecked")
        ListView<Watched.Output> files = OnFx.call(() -> robot.lookup("#outputFiles").queryAs(ListView.class));
        OnFx.await(MOST, "the output file listed", () -> files.getItems().stream()
                .anyMatch(o -> o.name().equals("outputs/result.txt")));
        Path target = dir.resolve("saved-result.txt");
        robot.interact(() -> {
            wb.monitor().outputsView().saveWith(name -> Optional.of(target));
            files.scrollTo(files.getItems().stream().filter(o -> o.name().equals("outputs/result.txt")).findFirst()
                    .orElseThrow());
        });
        OnFx.await(MOST, "the output's Save button laid out", () -> robot.lookup((Node n) -> n instanceof Button b
                && "outputs/result.txt".equals(b.getUserData()) && OnFx.shown(b)).tryQuery().isPresent());
        WindowSteps.click(robot, () -> robot.lookup((Node n) -> n instanceof Button b && "outputs/result.txt".equals(b.getUserData())
                && OnFx.shown(b)).query());
        Label status = OnFx.call(() -> robot.lookup("#outputsStatus").queryAs(Label.class));
        OnFx.await(MOST, "the save said done", () -> status.getText().startsWith("Saved outputs/result.txt"));
        assertEquals(WritingExecution.RESULT, Files.readString(target));
        assertTrue(OnFx.call(() -> status.getText().endsWith(target.toString())), status.getText());
    }
}
