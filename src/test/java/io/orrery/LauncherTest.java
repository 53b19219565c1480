package io.orrery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the desktop hands the launcher: a lone task file opens in the window; anything else is a command. */
class LauncherTest {
    @Test
    void aLoneExistingTaskFileOpensInTheWindow(@TempDir Path dir) throws Exception {
        Path task = Files.writeString(dir.resolve("run.orrery.yaml"), "executable: {}\n");
        assertTrue(Launcher.opensInWindow(task.toString()));
        assertFalse(Launcher.opensInWindow(dir.resolve("missing.yaml").toString()), "not there: a command error");
        assertFalse(Launcher.opensInWindow("validate"));
        assertFalse(Launcher.opensInWindow(dir.toString()), "a folder is not a task");
    }
}
