package io.orrery.tools;

import io.orrery.broker.BrokerCore;
import io.orrery.broker.BackgroundLoad;
import io.orrery.broker.clock.VirtualClock;
import io.orrery.broker.platform.Platform;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.ExecutionSession;
import io.orrery.model.OfferSet;
import io.orrery.model.Update;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code orrery bench}: offer latency of the broker core with many live reservations, and a simulated day. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure the bundled broker core: offer latency (median, p90, p99) with 1k, 10k and 100k live",
            "reservations on the cloud platform, how long a simulated day of sessions takes on a virtual clock, and",
            "how long a fan-out to 20 loopback brokers that each answer after 200 ms takes."})
public final class BenchCommand implements Callable<Integer> {
    private static final Instant T0 = Instant.parse("2027-03-01T00:00:00Z");

    @Option(names = "--reservations", split = ",", paramLabel = "N", description = "live reservations (default: ${DEFAULT-VALUE})",
            defaultValue = "1000,10000,100000")
    List<Integer> reservations;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "2000", description = "timed requests per size (default: ${DEFAULT-VALUE})")
    int requests;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--fanout", defaultValue = "20", paramLabel = "N",
            description = "loopback brokers (answering after 200 ms each) for the fan-out figure; 0 skips it (default: ${DEFAULT-VALUE})")
    int fanout;

    @Option(names = "--timeline", paramLabel = "BROKERSxOFFERS", arity = "0..1", fallbackValue = "10x200",
            description = "instead, measure the workbench's timeline with that many synthetic offers (default when given:"
                    + " 10x200); opens the real window, so it needs a display (xvfb-run -a ./orrery bench --timeline)")
    String timeline;

    @Option(names = "--replay", paramLabel = "JOBS", arity = "0..1", fallbackValue = "100000",
            description = "instead, replay a synthetic SWF trace of that many jobs (default when given: 100000) into a"
                    + " 10,000-core platform and print jobs per second")
    Integer replay;

    @Option(names = "--latency", paramLabel = "REQUESTS", arity = "0..1", fallbackValue = "2000",
            description = "instead, time that many sequential offer requests (default when given: 2000), each on a new"
                    + " connection, against orrery serve on loopback in memory and with --data, beside the reference"
                    + " broker's 23 ms")
    Integer latency;

    @Option(names = "--startup", paramLabel = "STARTS", arity = "0..1", fallbackValue = "5",
            description = "instead, start orrery serve that many times (default when given: 5) with and without the"
                    + " launcher's class-data sharing archive, in memory and with --data, and print the time to its first"
                    + " answer, its CPU time and resident memory, beside the goal of 0.5 s")
    Integer startup;

    @Option(names = "--expansion", description = "instead, the heap one ~1 MiB request allocates per body byte")
    boolean expansion;

    @Option(names = "--execution", paramLabel = "SESSIONS", arity = "0..1", fallbackValue = "20",
            description = "instead, run that many containers (default when given: 20) on this machine's engine and print"
                    + " the time Orrery adds: accept to container start, container exit to COMPLETED")
    Integer execution;

    @Option(names = "--slurm", paramLabel = "REQUESTS", arity = "0..1", fallbackValue = "100",
            description = "instead, time that many offer requests (default when given: 100) against the Slurm cluster"
                    + " ('orrery engines setup slurm' starts a test one) and say where the time goes")
    Integer slurm;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (timeline != null) {
            if (!timeline.matches("\\d+x\\d+")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--timeline takes BROKERSxOFFERS, like 10x200");
            }
            // a throw-away configuration, so the benchmark leaves the user's settings and brokers alone
            System.setProperty("orrery.config.dir", java.nio.file.Files.createTempDirectory("orrery-bench").toString());
            io.orrery.workbench.ToolScript.install();
            javafx.application.Application.launch(io.orrery.workbench.WorkbenchApp.class, "--bench-timeline=" + timeline);
            return 0;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (replay != null) {
            ReplayBench.run(replay, out);
            return 0;
        }
        if (slurm != null) {
            return SlurmBench.run(slurm, out);
        }
        if (execution != null) {
            return ExecutionBench.run(execution, out);
        }
        if (latency != null) {
            return LatencyBench.run(latency, out);
        }
        if (startup != null) {
            return StartupBench.run(startup, out);
        }
        if (expansion) {
            ExpansionBench.run(out);
            return 0;
        }
        Platform cloud = PlatformCatalog.find("cloud").orElseThrow();
        out.printf("platform %s (%d cores), Java %s, %d processors%n", cloud.name(), cloud.capacity().cores(),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        out.printf("%-12s %-10s %10s %10s %10s %10s %8s%n", "reservations", "request", "median ms", "p90 ms", "p99 ms",
                "max ms", "steps");
        for (int n : reservations) {
            for (int cores : new int[] {4, 200}) {
                BrokerCore core = loaded(cloud, n);
                double[] ms = measure(core, request(cores));
                int live = core.inspect(cal -> cal.size());
                int steps = core.inspect(cal -> cal.steps());
                out.printf("%-12d %-10s %10.3f %10.3f %10.3f %10.3f %8d%n", live, cores + " cores",
                        BenchSupport.percentile(ms, 50), BenchSupport.percentile(ms, 90),
                        BenchSupport.percentile(ms, 99), ms[ms.length - 1], steps);
                out.flush();
            }
        }
        simulatedDay(out);
        if (fanout > 0) {
            FanOutBench.run(out, fanout, request(4));
        }
        return 0;
    }

    private BrokerCore loaded(Platform p, int n) {
        BrokerCore core = new BrokerCore(p, new VirtualClock(T0));
        BackgroundLoad.book(core, n, seed);
        return core;
    }

    private double[] measure(BrokerCore core, ExecutionRequest request) {
        int warmup = Math.min(500, requests);
        double[] ms = new double[requests];
        for (int i = 0; i < warmup + requests; i++) {
            long t0 = System.nanoTime();
            OfferSet set = core.request(request);
            long t1 = System.nanoTime();
            if (i >= warmup) {
                ms[i - warmup] = (t1 - t0) / 1e6;
            }
            if (set.offers() != null) {
                for (ExecutionSession o : set.offers()) {
                    core.update(o.meta().uuid(), Update.phase("REJECTED"));
                }
            }
        }
        Arrays.sort(ms);
        return ms;
    }

    private void simulatedDay(PrintWriter out) {
        VirtualClock clock = new VirtualClock(T0);
        BrokerCore core = new BrokerCore(PlatformCatalog.find("cloud").orElseThrow(), clock);
        int sessions = 0;
        for (int i = 0; i < 2000; i++) {
            OfferSet set = core.request(request(1 + i % 32));
            if (set.offers() != null) {
                core.update(set.offers().get(0).meta().uuid(), Update.phase("ACCEPTED"));
                sessions++;
            }
        }
        long t0 = System.nanoTime();
        clock.advance(Duration.ofDays(1));
        core.catchUp();
        double ms = (System.nanoTime() - t0) / 1e6;
        long done = core.census().entrySet().stream().filter(e -> e.getKey().isTerminal())
                .mapToLong(java.util.Map.Entry::getValue).sum();
        out.printf("simulated day: %d accepted sessions ran their whole lifecycle (%d sessions and offers ended) in"
                + " %.1f ms of real time%n", sessions, done, ms);
    }

    private static ExecutionRequest request(int cores) {
        return BenchSupport.request(cores, "PT2H");
    }

}
