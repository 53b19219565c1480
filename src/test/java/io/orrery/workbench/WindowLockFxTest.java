package io.orrery.workbench;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Headless: the window holds its configuration directory while open and lets it go when it closes. */
@ExtendWith(ApplicationExtension.class)
class WindowLockFxTest {
    @TempDir
    Path config;

    @Start
    void start(Stage stage) {
        // the window under test gets a stage of its own
    }

    private boolean free() throws Exception {
        try (InstanceLock again = InstanceLock.acquire(config)) {
            return true;
        } catch (InstanceLock.Held e) {
            return false;
        }
    }

    @Test
    void closingTheWindowLetsItsConfigurationDirectoryGo(FxRobot robot) throws Exception {
        InstanceLock lock = InstanceLock.acquire(config);
        Stage[] stage = new Stage[1];
        Workbench[] wb = new Workbench[1];
        robot.interact(() -> {
            stage[0] = new Stage();
            wb[0] = new Workbench(stage[0], config);
            wb[0].releaseOnClose(lock);
            wb[0].show(null);
        });
        assertThrows(InstanceLock.Held.class, () -> InstanceLock.acquire(config), "held while the window is open");
        robot.interact(() -> {
            wb[0].close();
            stage[0].close();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, this::free);
    }
}
