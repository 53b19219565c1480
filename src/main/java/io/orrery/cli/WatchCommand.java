package io.orrery.cli;

import io.orrery.client.Broker;
import io.orrery.client.BrokerError;
import io.orrery.client.BrokerRegistry;
import io.orrery.client.Brokers;
import io.orrery.client.LocalBroker;
import io.orrery.model.ExecutionSession;
import io.orrery.model.LifecycleComponent;
import io.orrery.model.SessionPhase;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code orrery watch SESSION}: one line per phase change until the session ends. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Follow a session: one line per change of its phase or its components' phases, until it ends.",
            "Give its URL or its number in the last 'orrery offers' listing. A built-in broker's session is read from",
            "its store at each step (the window's); --skip plays it out on the built-in brokers' simulated clock.",
            "Warns once when nothing changes for --stall. Exit status: 0 COMPLETED, 1 FAILED, CANCELLED or another end."})
public final class WatchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "URL|#", description = "the session's URL, or its number in the last 'orrery offers' listing")
    String url;

    @Option(names = "--interval", defaultValue = "PT2S", description = "time between reads (default: ${DEFAULT-VALUE})")
    Duration interval;

    @Option(names = "--stall", defaultValue = "PT10M", description = "warn when nothing changes this long (default: ${DEFAULT-VALUE})")
    Duration stall;

    @Option(names = "--skip", description = "built-in sessions only: instead of waiting, move the built-in brokers'"
            + " simulated clock on to each next change (as the window's Run to end; 'orrery clock reset' undoes it)")
    boolean skip;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The built-in brokers' clock as last read (built-in sessions only). */
    private String clock;

    /** Where the session is read: a remote broker, or a built-in one opened from its store for each read. */
    private interface Source extends AutoCloseable {
        /** The session now, and the time it was read at (the broker's clock). */
        Read read();

        @Override
        void close();
    }

    /** A session as read at a time; moved when the simulated clock was then moved on, so no wait is needed. */
    private record Read(ExecutionSession session, Instant at, boolean moved) {
    }

    @Override
    public Integer call() throws InterruptedException {
        String target;
        try {
            target = LastListing.isIndex(url) ? LastListing.pick(BrokerRegistry.defaultDirectory(), url).url() : url;
        } catch (LastListing.Problem e) {
            spec.commandLine().getErr().println("orrery watch: " + e.getMessage());
            return e.code();
        }
        boolean builtIn = LocalBroker.isBuiltIn(target);
        if (skip && (!builtIn || new LocalBuiltIns().realTime(LocalBroker.platformOf(target)))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--skip moves only the simulated built-in"
                    + " brokers' clock; " + target + " runs on real time");
        }
        try (Source source = builtIn ? builtIn(target) : remote(target)) {
            int code = follow(source);
            if (skip && clock != null) {
                spec.commandLine().getErr().println(clock + "; 'orrery clock reset' returns to real time");
            }
            return code;
        } catch (BrokerError e) {
            spec.commandLine().getErr().println("orrery watch: " + e.getMessage());
            return 1;
        }
    }

    private Source remote(String target) {
        Broker broker = Brokers.forResource(target, ClientSupport.registry(), Clock.systemUTC());
        return new Source() {
            @Override
            public Read read() {
                return new Read(broker.session(target), Instant.now(), false);
            }

            @Override
            public void close() {
                broker.close();
            }
        };
    }

    /** Each read takes the built-in brokers' store, and lets it go again, so the window or a command may use it. */
    private Source builtIn(String target) {
        return new Source() {
            @Override
            public Read read() {
                try (BuiltInBrokers builtIns = BuiltInBrokers.open()) {
                    LocalBroker broker = builtIns.forUrl(target);
                    ExecutionSession s = broker.session(target);
                    Instant at = builtIns.clock().instant();
                    boolean ended = SessionPhase.parse(s.phase()).map(SessionPhase::isTerminal).orElse(false);
                    Optional<Instant> next = skip && !ended ? broker.nextChange() : Optional.empty();
                    next.ifPresent(builtIns.clock()::skipTo);
                    clock = ClockCommand.state(builtIns.clock());
                    return new Read(s, at, next.isPresent());
                } catch (BuiltInBrokers.InUse e) {
                    throw new BrokerError(BrokerError.Kind.REFUSED, 0, e.getMessage());
                }
            }

            @Override
            public void close() {
                // nothing held between reads
            }
        };
    }

    private int follow(Source source) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        String last = null;
        Instant changed = Instant.now();
        boolean warned = false;
        int failures = 0;
        while (true) {
            Read r;
            try {
                r = source.read();
                failures = 0;
            } catch (BrokerError e) {
                if (e.kind() != BrokerError.Kind.TIMEOUT && e.kind() != BrokerError.Kind.UNREACHABLE || ++failures > 5) {
                    throw e;
                }
                Thread.sleep(interval.toMillis());
                continue;
            }
            ExecutionSession s = r.session();
            String line = line(s);
            if (!line.equals(last)) {
                out.println(r.at().truncatedTo(ChronoUnit.SECONDS) + " " + line);
                out.flush();
                last = line;
                changed = Instant.now();
                warned = false;
            } else if (!warned && Duration.between(changed, Instant.now()).compareTo(stall) > 0) {
                spec.commandLine().getErr().println("orrery watch: no change for " + stall + "; the broker may be"
                        + " stuck (reference brokers wedge on sessions with data): consider cancelling and asking again");
                warned = true;
            }
            SessionPhase p = SessionPhase.parse(s.phase()).orElse(SessionPhase.INITIAL);
            if (p.isTerminal()) {
                return p == SessionPhase.COMPLETED ? 0 : 1;
            }
            if (!r.moved()) {
                Thread.sleep(interval.toMillis());
            }
        }
    }

    /** The session's phase and its components' phases. */
    static String line(ExecutionSession s) {
        List<String> parts = new ArrayList<>();
        add(parts, "executable", s.executable());
        add(parts, "compute", s.compute());
        return s.phase() + (parts.isEmpty() ? "" : "  (" + String.join(", ", parts) + ")");
    }

    private static void add(List<String> parts, String name, LifecycleComponent c) {
        if (c != null && c.phase() != null) {
            parts.add(name + " " + c.phase());
        }
    }
}
