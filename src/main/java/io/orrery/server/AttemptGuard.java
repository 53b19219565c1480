package io.orrery.server;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * What stands between a flood of guesses and the password hash: a limit on failed attempts per client address and
 * per user name (known or not, so that a 429 tells nothing about which names exist), decided before any hashing,
 * and a bound on how many hashes run at once. A guess past either limit is answered 429 with Retry-After at the
 * cost of a map lookup, so a flood from one address soon costs nothing; the hashes that do run are at most one per
 * core, handed out in arrival order, so a valid first sign-in waits behind a handful of them, not behind the flood.
 */
final class AttemptGuard {
    private final FailureLimiter clients;
    private final FailureLimiter users;
    private final Semaphore hashers;
    private final long hashWaitMillis;

    AttemptGuard(AttemptLimits limits, LongSupplier nanos) {
        this.clients = new FailureLimiter(limits.clientBurst(), limits.clientRefill().toNanos(), limits.trackedKeys(), nanos);
        this.users = new FailureLimiter(limits.userBurst(), limits.userRefill().toNanos(), limits.trackedKeys(), nanos);
        this.hashers = new Semaphore(limits.hashers(), true);
        this.hashWaitMillis = limits.hashWait().toMillis();
    }

    /** One attempt by client, as user (null when no name is claimed); 429 when either has failed too often. */
    Attempt begin(String address, String user) {
        String client = clientKey(address);
        long clientWait = clients.take(client);
        if (clientWait > 0) {
            throw tooMany("this address", clientWait);
        }
        if (user != null) {
            long userWait = users.take(nameKey(user));
            if (userWait > 0) {
                clients.giveBack(client);
                throw tooMany("this user name", userWait);
            }
        }
        return new Attempt(client, user);
    }

    /**
     * The key an address is limited by: an IPv4 address itself, an IPv6 address by its /64 (what one site or one
     * home is usually given, so that an attacker cannot step through its 2^64 addresses).
     */
    static String clientKey(String address) {
        String a = address == null ? "" : address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
        if (!a.contains(":")) {
            return a;
        }
        try {
            byte[] b = java.net.InetAddress.getByName(a).getAddress(); // a literal: no name is looked up
            if (b.length == 16) {
                return java.util.HexFormat.of().formatHex(b, 0, 8) + "::/64";
            }
        } catch (java.net.UnknownHostException e) {
            // not an address literal: limit it as it is
        }
        return a;
    }

    /** The key a name is limited by: itself, or a digest of a long one (so 10,000 keys stay a few hundred KiB). */
    static String nameKey(String name) {
        if (name.length() <= 64) {
            return name;
        }
        return "sha256:" + java.util.Base64.getEncoder().encodeToString(Auth.sha256(name));
    }

    /** Runs a password hash within the bound; 503 when no hasher frees up in time. */
    boolean hash(BooleanSupplier check) {
        boolean got;
        try {
            got = hashers.tryAcquire(hashWaitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            got = false;
        }
        if (!got) {
            throw new HttpProblem(503, "Service Unavailable", List.of(HttpProblem.Detail.of("the broker is busy checking"
                    + " passwords: try again in a moment")), Map.of("Retry-After", "1"));
        }
        try {
            return check.getAsBoolean();
        } finally {
            hashers.release();
        }
    }

    private static HttpProblem tooMany(String who, long waitNanos) {
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
        return new HttpProblem(429, "Too Many Requests", List.of(HttpProblem.Detail.of("too many failed sign-ins from "
                + who + ": try again in " + seconds + " s")), Map.of("Retry-After", String.valueOf(seconds)));
    }

    /**
     * The tokens one attempt took: given back when it succeeds, kept when it fails and also when it was turned away
     * for want of a hasher (given back, a flood's turned-away guesses would keep the hashers' queue full for ever).
     */
    final class Attempt {
        private final String client;
        private final String user;

        private Attempt(String client, String user) {
            this.client = client;
            this.user = user;
        }

        /** The caller proved who they are: the address gets its attempt back and the name's failures are forgotten. */
        void succeeded() {
            clients.giveBack(client);
            if (user != null) {
                users.forget(nameKey(user));
            }
        }
    }
}
