package io.orrery.broker;

import java.time.Instant;
import java.util.List;

/**
 * Work on the platform that is not this broker's (other users' running and pending jobs, reservations), read from
 * the platform's own scheduler just before each offer request, so that offers are planned around it. A snapshot
 * may take I/O: the core asks for it outside its lock.
 */
public interface ExternalLoad {
    /** A platform with no one else on it. */
    ExternalLoad NONE = List::of;

    /** One piece of other work: what it holds from start to end. */
    record Booking(String id, Instant start, Instant end, long cores, long memoryGiB) {
    }

    /** The other work now planned on the platform. */
    List<Booking> snapshot();
}
