package io.orrery.workbench;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A stand-in for the JavaFX thread in view-model tests: one thread that all state changes run on, in order. */
public final class UiThread implements AutoCloseable, java.util.concurrent.Executor {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));

    @Override
    public void execute(Runnable r) {
        thread.execute(r);
    }

    /** Runs on the thread and waits for the result. */
    public <T> T call(Callable<T> c) throws Exception {
        return thread.submit(c).get(20, TimeUnit.SECONDS);
    }

    /** Waits until the condition holds on the thread (checked every 20 ms, for up to 20 s). */
    public void await(Callable<Boolean> condition) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!call(condition)) {
            if (System.nanoTime() > until) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
