package io.orrery.cli;

import io.orrery.client.Broker;
import io.orrery.client.BrokerError;
import io.orrery.client.Brokers;
import io.orrery.model.ExecutionSession;
import io.orrery.model.LifecycleComponent;
import io.orrery.model.SessionPhase;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code orrery watch SESSION_URL}: one line per phase change until the session ends. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Follow a session: one line per change of its phase or its components' phases, until it ends.",
            "Warns once when nothing changes for --stall. Exit status: 0 COMPLETED, 1 FAILED, CANCELLED or another end."})
public final class WatchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "URL", description = "the session's URL")
    String url;

    @Option(names = "--interval", defaultValue = "PT2S", description = "time between reads (default: ${DEFAULT-VALUE})")
    Duration interval;

    @Option(names = "--stall", defaultValue = "PT10M", description = "warn when nothing changes this long (default: ${DEFAULT-VALUE})")
    Duration stall;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        String last = null;
        Instant changed = Instant.now();
        boolean warned = false;
        int failures = 0;
        try (Broker broker = Brokers.forResource(url, ClientSupport.registry(), Clock.systemUTC())) {
            while (true) {
                ExecutionSession s;
                try {
                    s = broker.session(url);
                    failures = 0;
                } catch (BrokerError e) {
                    if (e.kind() != BrokerError.Kind.TIMEOUT && e.kind() != BrokerError.Kind.UNREACHABLE || ++failures > 5) {
                        spec.commandLine().getErr().println("orrery watch: " + e.getMessage());
                        return 1;
                    }
                    Thread.sleep(interval.toMillis());
                    continue;
                }
                String line = line(s);
                if (!line.equals(last)) {
                    out.println(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " " + line);
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
                Thread.sleep(interval.toMillis());
            }
        } catch (BrokerError e) {
            spec.commandLine().getErr().println("orrery watch: " + e.getMessage());
            return 1;
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
