package io.orrery.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.orrery.cli.LocalBuiltIns;
import io.orrery.client.compare.OfferRow;
import io.orrery.engine.LocalPlatform;
import io.orrery.model.SessionPhase;
import io.orrery.workbench.monitor.Watched;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real window, headless, on the built-in {@code local} broker, whose sessions run for real on this machine's
 * container engine: ask, accept the offer, select the session in the monitor, see the container's log line appear
 * while it runs, save the file it wrote. Skips, saying why, without an engine; fails instead where
 * {@code ORRERY_REQUIRE_ENGINES=1} (CI, after {@code orrery engines setup}).
 */
@ExtendWith(ApplicationExtension.class)
class LocalLiveLogFxTest {
    private static final Duration MOST = Duration.ofSeconds(60);
    private static final LocalPlatform.Found MACHINE = LocalPlatform.Found.probe(System.getenv(), Duration.ofSeconds(15));

    @TempDir
    static Path config;

    private Workbench wb;
    private Path dir;

    /** Before the window starts: an assumption that fails inside {@code @Start} is an error, not a skip. */
    @BeforeAll
    static void anEngineAnswers() {
        String why = "no container engine answers on this machine (CI installs one with 'orrery engines setup')";
        if (MACHINE.engine().isEmpty() && "1".equals(System.getenv("ORRERY_REQUIRE_ENGINES"))) {
            throw new AssertionError(why + ", and ORRERY_REQUIRE_ENGINES=1 says one must");
        }
        Assumptions.assumeTrue(MACHINE.engine().isPresent(), why);
    }

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory(config, "run");
        wb = new Workbench(stage, dir, new LocalBuiltIns(() -> MACHINE));
        stage.show();
    }

    @AfterEach
    void closeIt(FxRobot robot) {
        if (wb != null) {
            robot.interact(wb::close);
        }
    }

    @Test
    void aSessionAcceptedFromTheLocalBrokerRunsItsLogShowsLiveAndItsOutputIsSaved(FxRobot robot) throws Exception {
        WindowSteps.openSample(robot, wb, "21-hello-on-this-machine.yaml");
        WindowSteps.only(robot, wb, "builtin:local");
        WindowSteps.click(robot, () -> robot.lookup("#askButton").query());
        OnFx.await(MOST, "the local broker's offers", () -> wb.offers().model().pendingProperty().get() == 0
                && !wb.offers().model().rows().isEmpty());
        OfferRow offer = OnFx.call(() -> wb.offers().model().rows().get(0));
        robot.interact(() -> wb.offers().model().selectedProperty().set(offer));
        WindowSteps.click(robot, () -> robot.lookup("#acceptButton").query());
        OnFx.await(MOST, "the accepted session in the monitor", () -> wb.monitor().model().sessions().size() == 1);
        Watched w = OnFx.call(() -> wb.monitor().model().sessions().get(0));

        WindowSteps.click(robot, () -> robot.lookup("#monitorList").lookup(".list-cell").nth(0).query());
        OnFx.await(MOST, "the log pane beside the session, once the container runs",
                () -> robot.lookup("#stdoutLog").tryQuery().isPresent());
        TextArea log = OnFx.call(() -> robot.lookup("#stdoutLog").queryAs(TextArea.class));
        OnFx.await(MOST, "the container's first line in the monitor while it runs",
                () -> log.getText().contains("hello from a real container") && OnFx.shown(log));
        OnFx.await(MOST, "the session completed, its last line shown", () -> w.phaseProperty().get() == SessionPhase.COMPLETED
                && log.getText().contains("done"));

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
        assertEquals("the answer is 42\n", Files.readString(target));
    }
}
