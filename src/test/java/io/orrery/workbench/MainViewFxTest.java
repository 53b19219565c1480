package io.orrery.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window opens headless (Monocle) with its status bar; File > Quit asks to quit. */
@ExtendWith(ApplicationExtension.class)
class MainViewFxTest {
    private final AtomicBoolean quit = new AtomicBoolean();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        MainViewModel model = new MainViewModel();
        stage.titleProperty().bind(model.titleProperty());
        stage.setScene(new Scene(new MainView(model, () -> quit.set(true)).root(), 900, 600));
        stage.show();
    }

    @Test
    void showsTitleAndStatus(FxRobot robot) {
        assertEquals("Orrery", stage.getTitle());
        Label status = robot.lookup("#statusLabel").queryAs(Label.class);
        assertTrue(status.getText().startsWith("Ready. Orrery "), status.getText());
    }

    @Test
    void fileQuitRunsTheQuitAction(FxRobot robot) {
        robot.clickOn("File");
        robot.clickOn("Quit");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(quit.get());
    }
}
