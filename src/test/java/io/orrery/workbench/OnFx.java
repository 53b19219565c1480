package io.orrery.workbench;

import io.orrery.Await;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/** For TestFX tests: reads and changes of the scene on the JavaFX thread, and waits for conditions checked there. */
public final class OnFx {
    private OnFx() {}

    /** Runs on the JavaFX thread and returns the result (or rethrows what it threw). */
    public static <T> T call(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }

    public static void run(Runnable r) throws Exception {
        call(() -> {
            r.run();
            return null;
        });
    }

    /** Waits until the condition, checked on the JavaFX thread, holds; fails after {@code most} saying what. */
    public static void await(Duration most, String what, Callable<Boolean> condition) {
        Await.until(most, () -> {
            try {
                return call(condition);
            } catch (Exception e) {
                throw new AssertionError("cannot check " + what + ": " + e, e);
            }
        }, what);
    }

    /** Whether a node is visible with all its parents (lists and trees keep hidden cells of their own). */
    public static boolean shown(javafx.scene.Node n) {
        for (javafx.scene.Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
