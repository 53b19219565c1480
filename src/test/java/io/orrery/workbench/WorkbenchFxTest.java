package io.orrery.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Fixtures;
import io.orrery.workbench.feature.Controller;
import io.orrery.workbench.library.Recovery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless: editor and form in sync, problems that lead to their line, crash recovery. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchFxTest {
    private static final String TEXT = "# keep this comment\n" + Fixtures.DOCKER + """
            compute:
              kind: %scompute/simple-compute-resource.yaml
              cores: {min: 2, max: 8}
            """.formatted(Fixtures.K);

    @TempDir
    static Path config;

    private Workbench wb;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory(config, "run");
        wb = new Workbench(stage, dir);
        stage.show();
    }

    @org.junit.jupiter.api.AfterEach
    void closeIt(FxRobot robot) {
        robot.interact(wb::close);
    }

    private void load(FxRobot robot, String text) {
        robot.interact(() -> wb.editor().model().load(text, null, false, false));
        settle(robot);
    }

    private void settle(FxRobot robot) {
        EditorSettles.settle(robot, wb);
    }

    private static CodeArea area(FxRobot robot) {
        return robot.lookup("#yamlEditor").queryAs(CodeArea.class);
    }

    @Test
    void typingYamlUpdatesTheForm(FxRobot robot) {
        load(robot, TEXT);
        assertEquals("8", robot.lookup("#field-coresMax").queryAs(TextField.class).getText());
        CodeArea area = area(robot);
        robot.interact(() -> area.replaceText(area.getText().replace("max: 8}", "max: 12}")));
        settle(robot);
        assertEquals("12", robot.lookup("#field-coresMax").queryAs(TextField.class).getText());
    }

    @Test
    void aFormEditRewritesOnlyItsValue(FxRobot robot) {
        load(robot, TEXT);
        TextField min = robot.lookup("#field-coresMin").queryAs(TextField.class);
        robot.doubleClickOn(min).eraseText(1).write("4");
        settle(robot);
        assertEquals(TEXT.replace("{min: 2, max: 8}", "{min: 4, max: 8}"), area(robot).getText());
        assertTrue(area(robot).getText().startsWith("# keep this comment\n"));
    }

    @Test
    void aProblemLeadsToItsLine(FxRobot robot) {
        load(robot, TEXT.replace("{min: 2, max: 8}", "{min: 9, max: 8}"));
        @SuppressWarnings("unchecked")
        ListView<io.orrery.model.check.LocatedFinding> problems = robot.lookup("#problems").queryAs(ListView.class);
        assertEquals(10, problems.getItems().get(0).position().line());
        robot.clickOn(robot.from(problems).lookup(".list-cell").nth(0).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(9, area(robot).getCurrentParagraph(), "the caret is on line 10");
        assertFalse(wb.editor().model().sendableProperty().get());
    }

    @Test
    void findSelectsTheNextOccurrence(FxRobot robot) {
        load(robot, TEXT);
        robot.interact(() -> wb.editor().find());
        robot.write("cores");
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("cores", area(robot).getSelectedText());
    }

    @Test
    void aTemplateCannotBeSentUntilItsKindIsChosen(FxRobot robot) {
        load(robot, TEXT + "data:\n  - kind: " + Fixtures.K + "data/abstract-data-resource.yaml\n    meta: {name: d}\n");
        assertFalse(wb.editor().model().sendableProperty().get());
        assertTrue(robot.lookup("#formNote").queryAs(Label.class).getText().contains("template"));
        CodeArea area = area(robot);
        robot.interact(() -> area.replaceText(area.getText().replace("data/abstract-data-resource.yaml",
                "data/simple-data-resource.yaml") + "    location: https://example.org/d.fits\n"));
        settle(robot);
        assertTrue(wb.editor().model().sendableProperty().get(), wb.editor().model().problems().toString());
    }

    @Test
    void everyFeatureLetsGoOfItsListenersWhenDeactivatedAndItsViewNoLongerFollows(FxRobot robot) throws Exception {
        load(robot, TEXT);
        List<Controller> features = List.of(wb.library(), wb.editor(), wb.brokers(), wb.offers(), wb.monitor(),
                wb.whatIf());
        for (Controller c : features) {
            assertTrue(OnFx.call(c::pinned) > 0, c.getClass().getSimpleName() + " is bound while the window is open");
        }
        OnFx.run(() -> features.forEach(Controller::deactivate));
        for (Controller c : features) {
            assertEquals(0, (int) OnFx.call(c::pinned), c.getClass().getSimpleName() + " let everything go");
        }
        OnFx.run(() -> wb.editor().model().load("# another task\n", null, false, false));
        assertEquals(TEXT, OnFx.call(() -> area(robot).getText()), "the editor no longer follows its view-model");
        assertTrue(OnFx.call(() -> robot.lookup("#field-coresMax").tryQuery().isEmpty()), "the form is empty");
    }

    private static javafx.scene.control.Button recoverButton(FxRobot robot) {
        return robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Button b
                && "Recover".equals(b.getText())).tryQuery().map(n -> (javafx.scene.control.Button) n).orElse(null);
    }

    @Test
    void anUnsavedBufferIsRecoveredAfterACrash(FxRobot robot) throws Exception {
        Path dir = Files.createTempDirectory(config, "crashed");
        new Recovery(dir).keep("# unsaved work\n" + TEXT, null);
        Stage[] stage = new Stage[1];
        Workbench[] crashed = new Workbench[1];
        robot.interact(() -> {
            stage[0] = new Stage();
            crashed[0] = new Workbench(stage[0], dir);
        });
        Platform.runLater(() -> crashed[0].show(null));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> recoverButton(robot) != null);
        javafx.scene.control.Button recover = recoverButton(robot);
        robot.interact(recover::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("# unsaved work\n" + TEXT, crashed[0].editor().model().textProperty().get());
        assertTrue(crashed[0].editor().model().dirtyProperty().get(), "recovered text is not yet saved");
        robot.interact(() -> {
            crashed[0].close();
            stage[0].close();
        });
    }
}
