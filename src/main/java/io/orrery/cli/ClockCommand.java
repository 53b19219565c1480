package io.orrery.cli;

import io.orrery.client.LocalBroker;
import io.orrery.client.ShiftedClock;
import io.orrery.model.SessionPhase;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code orrery clock}: the built-in brokers' clock, the one the window's Skip and Run to end move: show it, skip it
 * ahead, or reset it to real time. It is kept with the window's settings, so both see the same time.
 */
@Command(name = "clock", mixinStandardHelpOptions = true,
        subcommands = {ClockCommand.Skip.class, ClockCommand.Reset.class},
        description = {"Show the built-in brokers' clock: real time, or simulated some time ahead.",
            "'orrery clock skip 3h' (or PT3H, 90m, 1d 2h, --to-next) moves it on; 'orrery clock reset' returns to",
            "real time. The window's Skip to next change and Run to end move the same clock.",
            "Exit status: 0 done, 1 nothing to skip to or the window holds the clock, 2 usage error."})
public final class ClockCommand implements Callable<Integer> {
    private static final Pattern PART = Pattern.compile("(\\d+)\\s*(d|h|min|m|s)", Pattern.CASE_INSENSITIVE);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return withClock(spec, (builtIns, out) -> {
            out.println(state(builtIns.clock()));
            return 0;
        });
    }

    /** "real time", or "simulated +3 h 20 min (now 2026-12-01 16:30 UTC)". */
    static String state(ShiftedClock clock) {
        Duration shift = clock.shift();
        return shift.isZero() ? "built-in brokers' clock: real time"
                : "built-in brokers' clock: simulated +" + human(shift) + " (now " + OffersOutput.time(clock.instant())
                        + " UTC)";
    }

    /** A shift as people say it: "3 h 20 min", "2 d 4 h", "45 s". */
    static String human(Duration d) {
        List<String> parts = new ArrayList<>();
        long days = d.toDays();
        if (days > 0) {
            parts.add(days + " d");
        }
        if (d.toHoursPart() > 0) {
            parts.add(d.toHoursPart() + " h");
        }
        if (d.toMinutesPart() > 0) {
            parts.add(d.toMinutesPart() + " min");
        }
        if (parts.isEmpty() || days == 0 && d.toHours() == 0 && d.toSecondsPart() > 0) {
            parts.add(d.toSecondsPart() + " s");
        }
        return String.join(" ", parts);
    }

    /** A duration as typed: ISO-8601 (PT3H) or 3h, 90m, 1d 2h, 2h30m, 45s. */
    static Optional<Duration> parse(String text) {
        String t = text.strip();
        if (t.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                return Optional.of(Duration.parse(t.toUpperCase(Locale.ROOT)));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        Matcher m = PART.matcher(t);
        Duration d = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (!t.substring(end, m.start()).isBlank()) {
                return Optional.empty();
            }
            long n = Long.parseLong(m.group(1));
            d = d.plus(switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "s" -> Duration.ofSeconds(n);
                default -> Duration.ofMinutes(n);
            });
            end = m.end();
        }
        return end == 0 || !t.substring(end).isBlank() ? Optional.empty() : Optional.of(d);
    }

    private interface Action {
        int run(BuiltInBrokers builtIns, PrintWriter out);
    }

    private static int withClock(CommandLine.Model.CommandSpec spec, Action action) {
        try (BuiltInBrokers builtIns = BuiltInBrokers.open()) {
            PrintWriter out = spec.commandLine().getOut();
            int code = action.run(builtIns, out);
            out.flush();
            return code;
        } catch (BuiltInBrokers.InUse e) {
            spec.commandLine().getErr().println("orrery " + spec.qualifiedName(" ").replaceFirst("^orrery ", "")
                    + ": " + e.getMessage());
            return 1;
        }
    }

    /** Each built-in broker's offers and sessions by phase, after applying what fell due. */
    private static Map<String, Map<SessionPhase, Long>> census(BuiltInBrokers builtIns) {
        Map<String, Map<SessionPhase, Long>> out = new LinkedHashMap<>();
        for (LocalBroker b : builtIns.all()) {
            out.put(b.name(), b.census());
        }
        return out;
    }

    /** What the move changed, broker by broker: "builtin:cloud: 1 COMPLETED (was 1 RUNNING), 3 EXPIRED (was 0)". */
    private static void changes(Map<String, Map<SessionPhase, Long>> before, Map<String, Map<SessionPhase, Long>> after,
                                PrintWriter out) {
        after.forEach((broker, now) -> {
            Map<SessionPhase, Long> was = before.getOrDefault(broker, Map.of());
            List<String> moved = new ArrayList<>();
            for (SessionPhase p : SessionPhase.values()) {
                long a = now.getOrDefault(p, 0L);
                long b = was.getOrDefault(p, 0L);
                if (a != b) {
                    moved.add(a + " " + p + " (was " + b + ")");
                }
            }
            if (!moved.isEmpty()) {
                out.println("  " + broker + ": " + String.join(", ", moved));
            }
        });
    }

    @Command(name = "skip", mixinStandardHelpOptions = true,
            description = {"Move the built-in brokers' clock on: by a duration, or to their next change (an offer",
                "expiring, a session's next phase). Every built-in broker runs on this clock, so offers of all of",
                "them may expire: what changed is listed. Exit status: 0 moved, 1 nothing to skip to, 2 usage error."})
    static final class Skip implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "DURATION", description = "how far: 3h, 90m, 1d 2h or ISO PT3H")
        String by;

        @Option(names = "--to-next", description = "to the next change of any built-in broker")
        boolean toNext;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if ((by == null) == !toNext) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "give a duration (3h, 90m, 1d 2h, PT3H) or --to-next, not both or neither");
            }
            Duration d = by == null ? null : parse(by).filter(x -> !x.isNegative() && !x.isZero()).orElseThrow(() ->
                    new CommandLine.ParameterException(spec.commandLine(), "'" + by + "' is not a duration ahead:"
                            + " write 3h, 90m, 1d 2h or PT3H"));
            return withClock(spec, (builtIns, out) -> {
                Map<String, Map<SessionPhase, Long>> before = census(builtIns);
                if (d != null) {
                    builtIns.clock().skip(d);
                } else {
                    Optional<Instant> next = builtIns.all().stream().map(LocalBroker::nextChange)
                            .flatMap(Optional::stream).min(Instant::compareTo);
                    if (next.isEmpty()) {
                        out.println("nothing is due on the built-in brokers: no open offers and no session still"
                                + " running");
                        out.println(state(builtIns.clock()));
                        return 1;
                    }
                    builtIns.clock().skipTo(next.get());
                }
                out.println(state(builtIns.clock()));
                changes(before, census(builtIns), out);
                return 0;
            });
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = {"Return the built-in brokers' clock to real time. What happened ahead stays as it",
                "happened (a session that ran to its end stays ended)."})
    static final class Reset implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return withClock(spec, (builtIns, out) -> {
                Duration was = builtIns.clock().shift();
                builtIns.clock().reset();
                out.println(state(builtIns.clock()) + (was.isZero() ? "" : " (was simulated +" + human(was) + ")"));
                return 0;
            });
        }
    }
}
