package io.orrery.broker.platform;

import io.orrery.model.Kind;
import java.util.ArrayList;
import java.util.List;

/** Checks a platform description for what would make the broker misbehave. */
final class PlatformCheck {
    private PlatformCheck() {}

    static Platform checked(Platform p, String source) {
        List<String> problems = new ArrayList<>();
        if (p.name() == null || p.name().isBlank()) {
            problems.add("name is missing");
        }
        if (p.capacity() == null || p.limits() == null || p.preparation() == null || p.offers() == null
                || p.prices() == null || p.metrics() == null) {
            problems.add("capacity, limits, preparation, offers, prices and metrics are all required");
            throw new PlatformException(source + ": " + String.join("; ", problems));
        }
        if (p.capacity().cores() < 1 || p.capacity().memory() < 1 || p.capacity().storage() < 0) {
            problems.add("capacity must have at least 1 core and 1 GiB of memory");
        }
        if (p.limits().cores() > p.capacity().cores() || p.limits().memory() > p.capacity().memory()) {
            problems.add("limits.cores and limits.memory cannot exceed the capacity");
        }
        if (p.limits().longest() == null || p.limits().horizon() == null || p.limits().longest().isNegative()
                || p.limits().horizon().isNegative()) {
            problems.add("limits.longest and limits.horizon must be positive durations");
        }
        if (p.offers().alternatives() < 1 || p.offers().lifetime() == null || p.offers().granularity() == null
                || p.offers().granularity().getSeconds() < 1) {
            problems.add("offers need at least 1 alternative, a lifetime and a granularity of 1 s or more");
        }
        for (String kind : p.executables()) {
            if (Kind.find("executable", kind).isEmpty()) {
                problems.add("unknown executable kind '" + kind + "'");
            }
        }
        for (String kind : p.data()) {
            if (Kind.find("data", kind).isEmpty()) {
                problems.add("unknown data kind '" + kind + "'");
            }
        }
        if (p.preparation().sites() == null || p.preparation().sites().stream().anyMatch(s -> s.bandwidth() <= 0)) {
            problems.add("every data site needs a positive bandwidth");
        }
        if (!problems.isEmpty()) {
            throw new PlatformException(source + ": " + String.join("; ", problems));
        }
        return p;
    }
}
