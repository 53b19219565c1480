package io.orrery.server;

import java.time.Duration;

/**
 * How many failed sign-ins a broker tolerates and how much password hashing it does at once.
 *
 * @param clientBurst failed attempts one client address may make at once
 * @param clientRefill how often that address earns one more attempt
 * @param userBurst failed attempts against one user name (from anywhere) at once
 * @param userRefill how often that name earns one more attempt
 * @param trackedKeys at most this many addresses, and as many names, are remembered
 * @param hashers password hashes computed at once (the others wait)
 * @param hashWait how long an attempt waits for a hasher before it is answered 503
 */
public record AttemptLimits(int clientBurst, Duration clientRefill, int userBurst, Duration userRefill,
                            int trackedKeys, int hashers, Duration hashWait) {
    /**
     * Ten failures at once per address and per name, then one every six seconds (ten a minute); 10,000 of each
     * remembered (a few hundred KiB); one hash per core, waiting at most half a second for one.
     */
    public static AttemptLimits defaults() {
        return new AttemptLimits(10, Duration.ofSeconds(6), 10, Duration.ofSeconds(6), 10_000,
                Math.max(1, Runtime.getRuntime().availableProcessors()), Duration.ofMillis(500));
    }

    /** The same with other failure allowances (burst per address and per name, one more every refill). */
    public AttemptLimits failures(int burst, Duration refill) {
        return new AttemptLimits(burst, refill, burst, refill, trackedKeys, hashers, hashWait);
    }
}
