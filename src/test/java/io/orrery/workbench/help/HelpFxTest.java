package io.orrery.workbench.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Fixtures;
import io.orrery.workbench.EditorSettles;
import io.orrery.workbench.OnFx;
import io.orrery.workbench.Workbench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Help menu lists the menus' shortcuts; the first-run hint shows once; disabled buttons say why. */
@ExtendWith(ApplicationExtension.class)
class HelpFxTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TEXT = Fixtures.DOCKER + """
            compute:
              kind: %scompute/simple-compute-resource.yaml
              cores: {min: 9, max: 8}
              memory: {min: -1}
            """.formatted(Fixtures.K);

    @TempDir
    static Path config;

    private Path dir;
    private Workbench wb;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory(config, "run");
        wb = new Workbench(stage, dir);
        wb.exitWith(() -> { });
        stage.show();
    }

    @AfterEach
    void closeIt(FxRobot robot) {
        robot.interact(() -> {
            robot.listWindows().stream().filter(w -> w instanceof Stage s && s.getOwner() != null)
                    .map(Stage.class::cast).toList().forEach(Stage::close);
            wb.close();
        });
    }

    @Test
    void theHelpMenuListsEveryShortcutTheMenusDefine(FxRobot robot) throws Exception {
        robot.clickOn("Help").clickOn("Keyboard shortcuts");
        OnFx.await(WAIT, "the shortcuts dialog", () -> robot.lookup("#shortcutsTable").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<Shortcuts.Shortcut> table = robot.lookup("#shortcutsTable").queryAs(TableView.class);
        List<String> shown = OnFx.call(() -> table.getItems().stream()
                .map(s -> s.action() + "=" + s.keys().getName()).toList());
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        List<String> defined = OnFx.call(() -> {
            List<String> out = new ArrayList<>();
            for (Menu m : bar.getMenus()) {
                for (MenuItem i : m.getItems()) {
                    if (i.getAccelerator() != null) {
                        out.add(i.getText() + "=" + i.getAccelerator().getName());
                    }
                }
            }
            return out;
        });
        assertEquals(defined, shown, "every accelerator of the menus, and nothing else");
        assertTrue(shown.size() >= 12, shown.toString());
        List<String> keys = OnFx.call(() -> table.getItems().stream().map(s -> s.action() + "=" + s.keysText())
                .toList());
        assertTrue(keys.contains("Quit=Ctrl+Q"), keys.toString());
        assertTrue(keys.contains("Save as...=Ctrl+Shift+S"), keys.toString());
        assertTrue(keys.contains("Ask the checked brokers=Ctrl+Enter"), keys.toString());
        assertTrue(keys.contains("Keyboard shortcuts=F1"), keys.toString());
        Button close = robot.lookup((Node n) -> n instanceof Button b && "Close".equals(b.getText())).queryButton();
        robot.interact(close::fire);
    }

    @Test
    void aboutSaysWhatOrreryIs(FxRobot robot) throws Exception {
        robot.clickOn("Help").clickOn("About Orrery");
        OnFx.await(WAIT, "the About dialog", () -> robot.lookup("#aboutDialog").tryQuery().isPresent());
        String said = OnFx.call(() -> robot.lookup("#aboutDialog").queryAs(DialogPane.class).getContentText());
        assertTrue(said.startsWith(io.orrery.model.Version.text()) && said.contains("ExecutionBroker"), said);
    }

    @Test
    void theFirstRunHintIsShownOnceDismissedAndShownAgainOnRequest(FxRobot robot) throws Exception {
        robot.interact(() -> wb.show(null));
        OnFx.await(WAIT, "the first-run hint", () -> robot.lookup("#firstRunHint").tryQuery().isPresent());
        String hint = robot.lookup("#firstRunHintText").queryLabeled().getText();
        String ask = OnFx.call(() -> Shortcuts.keysOf(robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus(),
                "askItem"));
        assertTrue(ask.equals("Ctrl+Enter") && hint.contains("Ask (" + ask + ")") && hint.contains("(F1)"),
                "keys as the menus define them: " + hint);
        robot.clickOn("#firstRunHintDismiss");
        OnFx.await(WAIT, "the hint dismissed", () -> robot.lookup("#firstRunHint").tryQuery().isEmpty());
        robot.interact(wb::close);

        AtomicReference<Workbench> next = new AtomicReference<>();
        robot.interact(() -> {
            Stage s = new Stage();
            next.set(new Workbench(s, dir));
            next.get().exitWith(s::close);
            next.get().show(null);
        });
        try {
            OnFx.await(WAIT, "the next start to open a task", () -> !next.get().editor().model().textProperty().get()
                    .isEmpty());
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(robot.lookup("#firstRunHint").tryQuery().isEmpty(), "shown once per configuration");
            MenuItem again = OnFx.call(() -> next.get().scene().getRoot().lookupAll(".menu-bar").stream()
                    .map(MenuBar.class::cast).findFirst().orElseThrow().getMenus().stream()
                    .flatMap(m -> m.getItems().stream()).filter(i -> "gettingStartedItem".equals(i.getId()))
                    .findFirst().orElseThrow());
            robot.interact(again::fire);
            OnFx.await(WAIT, "the hint shown again", () -> robot.lookup("#firstRunHint").tryQuery().isPresent());
        } finally {
            robot.interact(() -> next.get().close());
        }
    }

    private static Node paneOf(FxRobot robot, String button) {
        return robot.lookup(button).query().getParent();
    }

    @Test
    void disabledButtonsSayWhy(FxRobot robot) throws Exception {
        robot.interact(() -> wb.editor().model().load(TEXT, null, false, false));
        EditorSettles.settle(robot, wb);
        OnFx.await(WAIT, "Ask disabled by the task's errors", () -> robot.lookup("#askButton").query().isDisabled());
        assertEquals("Disabled: fix the 2 errors in the task first", OnFx.call(() -> WhyDisabled.shown(
                paneOf(robot, "#askButton"))));
        robot.moveTo(paneOf(robot, "#askButton"));
        OnFx.await(WAIT, "the reason shown on hover", () -> robot.listWindows().stream()
                .anyMatch(w -> w instanceof Tooltip t && t.isShowing() && t.getText().contains("2 errors")));

        robot.interact(() -> wb.brokers().model().entries().forEach(b -> b.checkedProperty().set(false)));
        assertEquals("Disabled: check at least one broker in the brokers pane", OnFx.call(() -> WhyDisabled.shown(
                paneOf(robot, "#askButton"))));
        robot.interact(() -> wb.brokers().model().entries().get(0).checkedProperty().set(true));
        robot.interact(() -> wb.editor().model().load(TEXT.replace("{min: 9, max: 8}", "{min: 2, max: 8}")
                .replace("{min: -1}", "{min: 1}"), null, false, false));
        EditorSettles.settle(robot, wb);
        OnFx.await(WAIT, "Ask enabled", () -> !robot.lookup("#askButton").query().isDisabled());
        assertEquals(null, OnFx.call(() -> WhyDisabled.shown(paneOf(robot, "#askButton"))), "no reason when enabled");

        assertTrue(robot.lookup("#acceptButton").query().isDisabled());
        assertEquals("Disabled: select an offer in the table or on the timeline", OnFx.call(() -> WhyDisabled.shown(
                paneOf(robot, "#acceptButton"))));
    }
}
