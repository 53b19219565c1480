package io.orrery.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Token buckets of failed attempts on a clock the test moves: burst, refill, give back, forget, and the bound. */
class FailureLimiterTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(42 * SECOND);

    @Test
    void aBurstThenOneAttemptPerRefill() {
        FailureLimiter l = new FailureLimiter(3, 6 * SECOND, 100, now::get);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, l.take("10.0.0.1"), "attempt " + (i + 1) + " of the burst");
        }
        assertEquals(6 * SECOND, l.take("10.0.0.1"), "the fourth waits a whole refill");
        assertEquals(0, l.take("10.0.0.2"), "another key has its own bucket");
        now.addAndGet(4 * SECOND);
        assertEquals(2 * SECOND, l.take("10.0.0.1"), "the wait shrinks as time passes");
        now.addAndGet(2 * SECOND);
        assertEquals(0, l.take("10.0.0.1"), "one attempt earned");
        assertTrue(l.take("10.0.0.1") > 0, "and only one");
        now.addAndGet(600 * SECOND);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, l.take("10.0.0.1"), "a long quiet refills the burst, no more");
        }
        assertTrue(l.take("10.0.0.1") > 0);
    }

    @Test
    void successGivesBackOrForgets() {
        FailureLimiter l = new FailureLimiter(2, 60 * SECOND, 100, now::get);
        l.take("carol");
        l.take("carol");
        assertTrue(l.take("carol") > 0);
        l.giveBack("carol");
        assertEquals(0, l.take("carol"), "an attempt given back can be used again");
        l.forget("carol");
        assertEquals(0, l.take("carol"));
        assertEquals(0, l.take("carol"), "a forgotten key starts with a full burst");
    }

    @Test
    void manyKeysNeverGrowTheTablePastItsBound() {
        FailureLimiter l = new FailureLimiter(2, 60 * SECOND, 1000, now::get);
        for (int i = 0; i < 100_000; i++) {
            l.take("user-" + i);
        }
        assertTrue(l.size() <= 1001, "at most the bound and the shared overflow bucket: " + l.size());
        assertTrue(l.take("user-new") > 0 || l.take("user-new") > 0, "newcomers share the spent overflow bucket");
        now.addAndGet(120 * SECOND);
        assertEquals(0, l.take("user-later"), "once the buckets refill, their keys are dropped to make room");
        assertTrue(l.size() <= 2, "refilled keys were dropped: " + l.size());
    }
}
