package io.orrery.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One window per configuration directory: a second one, in this process or another, is refused plainly. */
class InstanceLockTest {
    @TempDir
    Path home;

    @Test
    void aSecondLockOnTheSameDirectoryIsRefusedUntilTheFirstIsLetGo() throws Exception {
        Path config = home.resolve("config");
        try (InstanceLock first = InstanceLock.acquire(config)) {
            assertEquals(config.resolve(".lock"), first.file());
            InstanceLock.Held held = assertThrows(InstanceLock.Held.class, () -> InstanceLock.acquire(config));
            assertEquals("Orrery is already open with this configuration directory: " + config, held.getMessage());
            try (InstanceLock other = InstanceLock.acquire(home.resolve("other"))) {
                assertTrue(Files.exists(other.file()), "another directory is another window's to take");
            }
        }
        try (InstanceLock again = InstanceLock.acquire(config)) {
            assertTrue(Files.exists(again.file()), "let go on close, so a window can open it again");
        }
    }

    /**
     * The whole way: a second Orrery process started on a held directory says so on standard error and exits with
     * a non-zero code, without opening a window, taking the log, or writing its screenshot.
     */
    @Test
    void aSecondWindowProcessIsRefusedWithANonZeroExit() throws Exception {
        Path config = home.resolve("config");
        Path shot = home.resolve("shot.png");
        try (InstanceLock first = InstanceLock.acquire(config)) {
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                    "-Dorrery.config.dir=" + config, "-Djava.util.prefs.userRoot=" + home.resolve("prefs")));
            for (String p : List.of("glass.platform", "monocle.platform", "prism.order", "java.awt.headless",
                    "javafx.cachedir", "testfx.headless")) {
                if (System.getProperty(p) != null) {
                    cmd.add("-D" + p + "=" + System.getProperty(p));
                }
            }
            cmd.addAll(List.of("io.orrery.Launcher", "gui", "--screenshot", shot.toString()));
            Process second = new ProcessBuilder(cmd).redirectOutput(home.resolve("out.txt").toFile())
                    .redirectError(home.resolve("err.txt").toFile()).start();
            if (!second.waitFor(90, TimeUnit.SECONDS)) {
                second.destroyForcibly();
                throw new AssertionError("the second window did not give up within 90 s: "
                        + Files.readString(home.resolve("err.txt")));
            }
            String err = Files.readString(home.resolve("err.txt"));
            assertNotEquals(0, second.exitValue(), err);
            assertTrue(err.contains("orrery: Orrery is already open with this configuration directory: " + config), err);
            assertFalse(Files.exists(shot), "no window was shown");
            assertFalse(Files.exists(config.resolve("logs")), "the log is the first window's");
        }
    }
}
