package io.orrery;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting for a condition instead of for the clock (TestFX's waitFor), failing with the reason at the deadline. */
public final class Await {
    private Await() {}

    public static void until(Duration most, BooleanSupplier condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(most.toMillis(), TimeUnit.MILLISECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("not within " + most.toSeconds() + " s: " + what, e);
        }
    }
}
