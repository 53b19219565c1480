package io.orrery;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for a condition instead of for the clock: polls until it holds, failing with the reason at the deadline. */
public final class Await {
    private Await() {}

    public static void until(Duration most, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + most.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + most.toSeconds() + " s: " + what);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting: " + what, e);
            }
        }
    }
}
