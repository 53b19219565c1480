package io.orrery.tools;

import io.orrery.broker.BrokerCore;
import io.orrery.broker.clock.VirtualClock;
import io.orrery.broker.platform.Platform;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.broker.whatif.Replay;
import io.orrery.broker.whatif.SwfTrace;
import io.orrery.broker.whatif.SyntheticLoad;
import io.orrery.broker.whatif.TraceJob;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code orrery bench --replay N}: writes an N-job synthetic trace as SWF, reads it back and replays it into a
 * 10,000-core platform's calendar, and prints jobs per second.
 */
final class ReplayBench {
    private static final Instant T0 = Instant.parse("2027-01-01T00:00:00Z");

    private ReplayBench() {}

    static void run(int jobs, PrintWriter out) throws IOException {
        // 170 jobs an hour of 1..128 cores for 0.25..12 hours offer about 94 % of 10,000 cores: busy, with queues
        SyntheticLoad gen = new SyntheticLoad(170, 1, 128, 0.25, 12, 42);
        List<TraceJob> made = gen.jobs(Duration.ofDays(36500), jobs);
        StringWriter swf = new StringWriter();
        SwfTrace.write(made, List.of("generated for orrery bench --replay"), swf);
        long t0 = System.nanoTime();
        SwfTrace.Trace trace = SwfTrace.read(new StringReader(swf.toString()), "bench.swf");
        double parse = (System.nanoTime() - t0) / 1e9;
        Platform p = PlatformCatalog.load("cloud").withCapacity(10_000, 40_000);
        BrokerCore core = new BrokerCore(p, new VirtualClock(T0));
        long t1 = System.nanoTime();
        Replay.Stats stats = Replay.run(core, trace.jobs(), T0);
        double replay = (System.nanoTime() - t1) / 1e9;
        out.printf(Locale.ROOT, "replay: %d-job SWF trace (%.1f MB, %.0f days of submissions) on a %d-core platform,"
                + " Java %s%n", trace.jobs().size(), swf.getBuffer().length() / 1e6,
                trace.jobs().get(trace.jobs().size() - 1).submit() / 86400.0, p.capacity().cores(),
                System.getProperty("java.version"));
        double coreSeconds = trace.jobs().stream().mapToDouble(j -> (double) j.cores() * j.runtime()).sum();
        double span = trace.jobs().get(trace.jobs().size() - 1).submit();
        out.printf(Locale.ROOT, "  offered load: %.0f %% of the platform's cores over the submission span%n",
                100 * coreSeconds / (span * p.capacity().cores()));
        out.printf(Locale.ROOT, "  read %.2f s; replayed in %.2f s: %.0f jobs/s; %s%n", parse, replay,
                trace.jobs().size() / replay, stats.describe());
        out.printf(Locale.ROOT, "  target: under 10 s for 100,000 jobs: %s%n", parse + replay < 10 ? "met" : "NOT met");
        out.flush();
    }
}
