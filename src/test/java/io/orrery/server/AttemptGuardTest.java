package io.orrery.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The guard's parts that HTTP tests do not isolate: how addresses are keyed, and the bound on hashing. */
class AttemptGuardTest {
    @Test
    void anIpv6AddressIsLimitedByItsSlash64() {
        assertEquals("192.0.2.7", AttemptGuard.clientKey("192.0.2.7"));
        assertEquals(AttemptGuard.clientKey("2001:db8:1:2::1"), AttemptGuard.clientKey("[2001:db8:1:2:ffff::9]"),
                "one /64, one key");
        assertNotEquals(AttemptGuard.clientKey("2001:db8:1:2::1"), AttemptGuard.clientKey("2001:db8:1:3::1"));
    }

    @Test
    void aLongNameIsKeptAsADigest() {
        assertEquals("carol", AttemptGuard.nameKey("carol"));
        String huge = "x".repeat(16_000);
        assertEquals(51, AttemptGuard.nameKey(huge).length(), "a 16,000-character name is kept in 51");
        assertEquals(AttemptGuard.nameKey(huge), AttemptGuard.nameKey("x".repeat(16_000)));
    }

    @Test
    void aHashThatFindsNoFreeHasherInTimeIs503AndCountsAsAnAttempt() throws Exception {
        AttemptGuard guard = new AttemptGuard(new AttemptLimits(2, Duration.ofHours(1), 100, Duration.ofHours(1), 100,
                1, Duration.ofMillis(50)), System::nanoTime);
        CountDownLatch hashing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> slow = CompletableFuture.supplyAsync(() -> guard.hash(() -> {
            hashing.countDown();
            try {
                return release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return false;
            }
        }));
        assertTrue(hashing.await(30, TimeUnit.SECONDS));
        guard.begin("198.51.100.1", "carol");
        HttpProblem busy = assertThrows(HttpProblem.class, () -> guard.hash(() -> true));
        assertEquals(503, busy.status());
        assertEquals("1", busy.headers().get("Retry-After"));
        release.countDown();
        assertTrue(slow.get(30, TimeUnit.SECONDS));
        guard.begin("198.51.100.1", "dave");
        HttpProblem limited = assertThrows(HttpProblem.class, () -> guard.begin("198.51.100.1", "erin"),
                "the attempt turned away with 503 was counted: the burst of 2 is spent");
        assertEquals(429, limited.status());
        assertTrue(guard.hash(() -> true), "the hasher is free again");
    }
}
