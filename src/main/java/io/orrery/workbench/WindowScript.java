package io.orrery.workbench;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What a checkout's tools do with the shown window: a demonstration that asks the built-in brokers, a rendering
 * benchmark. The product has none; the tools (src/tools/java) set one before the window starts, so that their code
 * never ships.
 */
public interface WindowScript {
    /** Whether this run opens a task of its own (then the recovery question and the last task are skipped). */
    boolean opensItsOwnTask(Map<String, String> named);

    /**
     * Runs once the window is shown. Empty when the parameters are none of its business; otherwise completes when
     * the window is ready for its screenshot, if one was asked for. quit closes the window and ends the toolkit.
     */
    Optional<CompletableFuture<Void>> run(Workbench wb, Map<String, String> named, Runnable quit);
}
