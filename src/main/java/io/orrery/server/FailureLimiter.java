package io.orrery.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Failed attempts allowed per key (a client address or a user name), as token buckets: each key may fail
 * {@code burst} times at once, and earns one more attempt every {@code refillNanos}. An attempt takes a token
 * before the slow work, so that many concurrent attempts cannot all pass a check made before any of them failed;
 * a success gives it back (or, for a user, forgets the key). Memory is bounded: at most {@code maxKeys} keys are
 * tracked; when the table is full, keys whose buckets have refilled are dropped, and if none has, a new key shares
 * one overflow bucket with every other newcomer (stricter for them, never unbounded).
 */
final class FailureLimiter {
    /** The key that newcomers share when the table is full of active keys. */
    static final String OVERFLOW = "\u0000overflow";
    private static final long SWEEP_NANOS = 1_000_000_000L;

    private final int burst;
    private final long refillNanos;
    private final int maxKeys;
    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    /** When the full table was last swept (at most once a second, so a flood of new keys does not sweep each time). */
    private final java.util.concurrent.atomic.AtomicLong swept = new java.util.concurrent.atomic.AtomicLong(Long.MIN_VALUE);

    FailureLimiter(int burst, long refillNanos, int maxKeys, LongSupplier nanos) {
        if (burst < 1 || refillNanos < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("burst, refill and size must be positive");
        }
        this.burst = burst;
        this.refillNanos = refillNanos;
        this.maxKeys = maxKeys;
        this.nanos = nanos;
    }

    /** Takes one attempt for key: 0 when it may go ahead, else the nanoseconds until it may try again. */
    long take(String key) {
        long now = nanos.getAsLong();
        Bucket b = bucket(key, now);
        synchronized (b) {
            b.refill(now);
            if (b.tokens >= 1) {
                if (b.tokens == burst) {
                    b.stamp = now; // a full bucket earns nothing until it is drawn on
                }
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, refillNanos - (now - b.stamp));
        }
    }

    /** Gives back the attempt taken for key (it did not fail). */
    void giveBack(String key) {
        Bucket b = buckets.get(key);
        if (b != null) {
            synchronized (b) {
                b.tokens = Math.min(burst, b.tokens + 1);
            }
        }
    }

    /** Forgets key's failures (a user who proved who they are). */
    void forget(String key) {
        buckets.remove(key);
    }

    /** How many keys are tracked (for tests of the bound). */
    int size() {
        return buckets.size();
    }

    private Bucket bucket(String key, long now) {
        Bucket b = buckets.get(key);
        if (b != null) {
            return b;
        }
        if (buckets.size() >= maxKeys) {
            long last = swept.get();
            if ((last == Long.MIN_VALUE || now - last >= SWEEP_NANOS) && swept.compareAndSet(last, now)) {
                buckets.values().removeIf(x -> x.fullAt(now));
            }
            if (buckets.size() >= maxKeys) {
                return buckets.computeIfAbsent(OVERFLOW, k -> new Bucket(burst, now));
            }
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
    }

    private final class Bucket {
        private long tokens;
        private long stamp;

        Bucket(long tokens, long stamp) {
            this.tokens = tokens;
            this.stamp = stamp;
        }

        /** Adds the tokens earned since stamp (guarded by this). */
        void refill(long now) {
            long earned = (now - stamp) / refillNanos;
            if (earned > 0) {
                tokens = Math.min(burst, tokens + earned);
                stamp = tokens == burst ? now : stamp + earned * refillNanos;
            }
        }

        synchronized boolean fullAt(long now) {
            refill(now);
            return tokens >= burst;
        }
    }
}
