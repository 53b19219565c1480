package io.orrery.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless: an exception nothing caught on the JavaFX thread is logged with its stack and shown in a dialog that
 * blocks nothing and says where the log is; more failures while it is open are counted in it, not stacked up.
 */
@ExtendWith(ApplicationExtension.class)
class FailureAlertFxTest {
    @TempDir
    Path config;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(new Label("the window")), 400, 300));
        stage.show();
    }

    private static List<DialogPane> dialogs(FxRobot robot) {
        return robot.lookup("#failureAlert").queryAllAs(DialogPane.class).stream()
                .filter(p -> p.getScene() != null && p.getScene().getWindow().isShowing()).toList();
    }

    private static void failOnFxThread(String message) {
        Platform.runLater(() -> {
            throw new IllegalStateException(message);
        });
    }

    @Test
    void failuresOnTheJavaFxThreadAreLoggedAndShownOneDialogAtATime(FxRobot robot) throws Exception {
        Thread.UncaughtExceptionHandler[] before = new Thread.UncaughtExceptionHandler[1];
        try (FailureLog log = FailureLog.open(config)) {
            FallbackExceptionHandler handler = new FallbackExceptionHandler(log);
            FailureAlert alert = new FailureAlert(stage);
            handler.tellWith(m -> Platform.runLater(() -> alert.show(m)));
            robot.interact(() -> {
                before[0] = Thread.currentThread().getUncaughtExceptionHandler();
                handler.installOnCurrentThread();
            });
            try {
                failOnFxThread("first, with password=hunter2");
                failOnFxThread("second");
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialogs(robot).size() == 1
                        && dialogs(robot).get(0).getContentText().contains("1 more error"));
                WaitForAsyncUtils.waitForFxEvents();
                assertEquals(1, dialogs(robot).size(), "one dialog, not one per failure");
                DialogPane pane = dialogs(robot).get(0);
                assertTrue(pane.getContentText().contains("IllegalStateException: first"), pane.getContentText());
                assertTrue(pane.getContentText().contains(log.file().toString()), "it says where the log is");
                assertFalse(pane.getContentText().contains("hunter2"));
                assertEquals(javafx.stage.Modality.NONE, ((Stage) pane.getScene().getWindow()).getModality(),
                        "the window stays usable behind it");

                robot.interact(() -> ((Button) pane.lookupButton(ButtonType.OK)).fire());
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialogs(robot).isEmpty());
                failOnFxThread("third");
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialogs(robot).size() == 1
                        && dialogs(robot).get(0).getContentText().contains("IllegalStateException: third"));
                assertFalse(dialogs(robot).get(0).getContentText().contains("more error"), "a fresh count");
                robot.interact(() -> ((Button) dialogs(robot).get(0).lookupButton(ButtonType.OK)).fire());
            } finally {
                robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(before[0]));
            }
        }
        String text = Files.readString(config.resolve("logs/orrery.0.log"));
        assertTrue(text.contains("on thread \"JavaFX Application Thread\""), text);
        assertTrue(text.contains("java.lang.IllegalStateException: first, with password=***"), text);
        assertTrue(text.contains("java.lang.IllegalStateException: second"), text);
        assertTrue(text.contains("java.lang.IllegalStateException: third"), text);
        assertTrue(text.contains("\tat io.orrery.workbench.FailureAlertFxTest"), "with the stack: " + text);
        assertFalse(text.contains("hunter2"));
    }
}
