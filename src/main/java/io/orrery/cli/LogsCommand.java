package io.orrery.cli;

import io.orrery.client.BrokerError;
import io.orrery.client.OutputChunk;
import io.orrery.model.ExecutionSession;
import io.orrery.model.SessionPhase;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code orrery logs SESSION [--follow] [--stderr]}: a session's standard output (or error), as it arrives. */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = {"Print a session's standard output (or, with --stderr, its standard error), read from its",
            "connector. Give its URL (http(s) or builtin:) or its number in the last 'orrery offers' listing.",
            "With --follow, keep reading as the session writes (every 0.5 s) until the output is complete; a session",
            "that has not started yet is waited for. Exit status: 0 printed (complete, with --follow), 1 no such",
            "output or the broker failed."})
public final class LogsCommand implements Callable<Integer> {
    static final Duration POLL = Duration.ofMillis(500);
    private static final int RETRIES = 5;

    @Parameters(paramLabel = "URL|#", description = "the session's URL, or its number in the last 'orrery offers' listing")
    String url;

    @Option(names = {"-f", "--follow"}, description = "keep reading until the output is complete")
    boolean follow;

    @Option(names = "--stderr", description = "the standard error instead of the standard output")
    boolean stderr;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        String name = stderr ? "stderr" : "stdout";
        try (SessionBroker broker = SessionBroker.of(url)) {
            return print(broker, name);
        } catch (LastListing.Problem e) {
            return fail(e.getMessage(), e.code());
        } catch (BrokerError e) {
            return fail(e.getMessage(), 1);
        }
    }

    private int print(SessionBroker broker, String name) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Utf8Text text = new Utf8Text();
        long offset = 0;
        int failures = 0;
        try {
            while (true) {
                OutputChunk c;
                long from = offset;
                try {
                    c = broker.call(b -> b.readOutput(broker.url(), name, from));
                    failures = 0;
                } catch (BrokerError e) {
                    if (e.kind() == BrokerError.Kind.NOT_FOUND) {
                        waitForOutput(broker, name, e);
                    } else if (!follow || e.kind() != BrokerError.Kind.TIMEOUT && e.kind() != BrokerError.Kind.UNREACHABLE
                            || ++failures > RETRIES) {
                        throw e;
                    }
                    Thread.sleep(POLL.toMillis());
                    continue;
                }
                out.print(text.feed(c.bytes()));
                out.flush();
                offset = c.next();
                if (c.bytes().length > 0) {
                    continue; // there may be more at once (answers are at most 1 MiB)
                }
                if (!follow || !c.growing()) {
                    return 0;
                }
                Thread.sleep(POLL.toMillis());
            }
        } finally {
            out.print(text.finish());
            out.flush();
        }
    }

    /**
     * The output is not there: fine while the session has not started (with --follow, it is waited for), an error
     * when it has ended, or runs but keeps no outputs (a simulated broker), or without --follow.
     */
    private void waitForOutput(SessionBroker broker, String name, BrokerError missing) {
        ExecutionSession s = broker.call(b -> b.session(broker.url()));
        SessionPhase phase = SessionPhase.parse(s.phase()).orElse(SessionPhase.INITIAL);
        boolean started = phase.ordinal() >= SessionPhase.AVAILABLE.ordinal();
        boolean hasOutputs = s.connectors() != null && s.connectors().stream()
                .anyMatch(c -> OutputsCommand.OUTPUT_KIND.equals(c.kind()));
        if (phase.isTerminal() || started && !hasOutputs || !follow) {
            throw new BrokerError(BrokerError.Kind.NOT_FOUND, missing.status(), "session " + broker.url() + " has no "
                    + name + (phase.isTerminal() ? " (it ended " + phase + ")" : started && !hasOutputs
                    ? " (its broker keeps no outputs: it runs nothing for real)"
                    : " yet (it is " + phase + "): --follow waits for it"));
        }
    }

    private int fail(String message, int code) {
        spec.commandLine().getErr().println("orrery logs: " + message);
        return code;
    }
}
