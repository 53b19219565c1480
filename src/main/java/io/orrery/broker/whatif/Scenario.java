package io.orrery.broker.whatif;

import io.orrery.broker.BrokerCore;
import io.orrery.broker.clock.VirtualClock;
import io.orrery.broker.platform.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A what-if scenario: platforms, each with its background load, asked at a moment on a virtual clock. The load's
 * time 0 is {@code since} before that moment; every job submitted by the moment is replayed into the platform's
 * broker core, so the core answers as that broker would then.
 */
public record Scenario(List<Site> sites, Instant at, Duration since) {
    /** A platform and the load on it. */
    public record Site(Platform platform, Load load) {
    }

    /** A platform's broker core after the replay, on its virtual clock at the scenario's moment. */
    public record Sandbox(Platform platform, BrokerCore core, VirtualClock clock, Replay.Stats stats, String load) {
    }

    public Scenario {
        sites = List.copyOf(sites);
        if (sites.isEmpty()) {
            throw new IllegalArgumentException("a scenario needs at least one platform");
        }
        if (since.isNegative()) {
            throw new IllegalArgumentException("the load cannot start after the moment asked: " + since);
        }
    }

    public Instant origin() {
        return at.minus(since);
    }

    /** Builds every platform's core and replays its load (the same scenario always gives the same calendars). */
    public List<Sandbox> build() {
        List<Sandbox> out = new ArrayList<>();
        for (Site s : sites) {
            VirtualClock clock = new VirtualClock(at);
            BrokerCore core = new BrokerCore(s.platform(), clock);
            Replay.Stats stats = Replay.run(core, s.load().jobs(since, origin()), origin(), s.load().exact());
            out.add(new Sandbox(s.platform(), core, clock, stats, s.load().describe()));
        }
        return out;
    }
}
