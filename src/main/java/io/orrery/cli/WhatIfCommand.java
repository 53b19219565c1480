package io.orrery.cli;

import io.orrery.broker.platform.Platform;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.broker.platform.PlatformException;
import io.orrery.broker.whatif.Load;
import io.orrery.engine.LocalPlatform;
import io.orrery.engine.slurm.SlurmLoad;
import io.orrery.engine.slurm.SlurmPlatform;
import io.orrery.broker.whatif.Scenario;
import io.orrery.broker.whatif.Sweep;
import io.orrery.broker.whatif.SweepPoint;
import io.orrery.broker.whatif.TraceFormatException;
import io.orrery.broker.whatif.WhatIf;
import io.orrery.client.LocalBroker;
import io.orrery.client.Outcome;
import io.orrery.client.compare.Comparison;
import io.orrery.client.compare.DurationText;
import io.orrery.client.compare.OfferRow;
import io.orrery.client.compare.Rank;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.OfferSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code orrery whatif TASK --platform P...}: offline what-if answers from the bundled broker core under load. */
@Command(name = "whatif", mixinStandardHelpOptions = true,
        description = {"Ask the bundled broker core what it would offer on scenario platforms, under background load,",
            "at a chosen moment, with no broker online; or sweep one parameter and print earliest start, finish and cost.",
            "Loads: none, synthetic:rate=60,cores=1..32,hours=0.5..6,seed=1, trace:small-cluster, an SWF file, or",
            "slurm[:CONF] (a real cluster's queue now: running jobs to their time limits, pending ones at their planned",
            "starts, reservations); --platform slurm[:CONF] sizes a platform from the cluster;",
            "the load starts --since before --at. The same scenario gives the same answers.",
            "Exit status: 0 when any offer came back, 3 when every platform said NO, 2 on usage errors."})
public final class WhatIfCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TASK", description = "the request, YAML or JSON")
    Path task;

    @Option(names = "--platform", required = true, paramLabel = "NAME|FILE", description = "a platform (repeatable)")
    List<String> platforms;

    @Option(names = "--load", paramLabel = "SPEC|PLATFORM=SPEC", description = "background load, for all or one platform (repeatable)")
    List<String> loads = new ArrayList<>();

    @Option(names = "--at", paramLabel = "INSTANT", description = "the moment asked (default: now, to the minute)")
    Instant at;

    @Option(names = "--since", defaultValue = "P1D", paramLabel = "DURATION",
            description = "how long before --at the load starts (default: ${DEFAULT-VALUE})")
    Duration since;

    @Option(names = "--sweep", paramLabel = "NAME=RANGE",
            description = "vary cores, memory, duration, start (hours after --at) or platform, e.g. cores=1..64")
    String sweep;

    @Option(names = "--json", description = "print every figure as JSON")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExecutionRequest request = InputFile.request(task, err);
        if (request == null) {
            return 2;
        }
        Instant moment = at != null ? at : Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Scenario scenario;
        Sweep swept;
        try {
            scenario = new Scenario(sites(), moment, since);
            swept = sweep == null ? null : Sweep.parse(sweep);
            if (swept != null && swept.parameter() == Sweep.Parameter.PLATFORM) {
                List<String> names = scenario.sites().stream().map(s -> s.platform().name()).toList();
                swept.values().stream().filter(v -> !names.contains(v)).findFirst().ifPresent(v -> {
                    throw new TraceFormatException("the sweep names platform '" + v + "', which is not in the scenario "
                            + names + " (add it with --platform)");
                });
            }
        } catch (TraceFormatException | PlatformException | IllegalArgumentException e) {
            err.println("orrery whatif: " + e.getMessage());
            return 2;
        }
        long t0 = System.nanoTime();
        List<Scenario.Sandbox> boxes = scenario.build();
        double replaySeconds = (System.nanoTime() - t0) / 1e9;
        if (swept != null) {
            List<SweepPoint> points = WhatIf.sweep(boxes, request, swept, moment);
            out.print(json ? OffersOutput.pretty(sweepJson(scenario, boxes, swept, points)) : sweepTable(swept, points, moment));
            out.flush();
            return points.stream().anyMatch(SweepPoint::yes) ? 0 : 3;
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Scenario.Sandbox box : boxes) {
            long s0 = System.nanoTime();
            OfferSet set = WhatIf.ask(box, request);
            outcomes.add(LocalBroker.outcome(box.platform().name(), request, set, moment,
                    Duration.ofNanos(System.nanoTime() - s0)));
        }
        List<OfferRow> rows = Comparison.of(request, outcomes, moment, Rank.EARLIEST_START);
        if (json) {
            ObjectNode root = OffersOutput.tree(rows, outcomes, moment);
            root.set("scenario", scenarioJson(scenario, boxes));
            out.print(OffersOutput.pretty(root));
        } else {
            out.print(header(scenario, boxes, replaySeconds));
            out.print(OffersOutput.table(rows, outcomes));
        }
        out.flush();
        return outcomes.stream().anyMatch(o -> o instanceof Outcome.Offers) ? 0 : 3;
    }

    private List<Scenario.Site> sites() {
        Map<String, String> perPlatform = new HashMap<>();
        String all = "none";
        for (String l : loads) {
            int eq = l.indexOf('=');
            String head = eq < 0 ? "" : l.substring(0, eq);
            if (eq > 0 && !head.contains(":") && !head.contains("/") && platforms.stream().anyMatch(p -> name(p).equals(head))) {
                perPlatform.put(head, l.substring(eq + 1));
            } else {
                all = l;
            }
        }
        Map<String, Load> parsed = new HashMap<>();
        List<Scenario.Site> out = new ArrayList<>();
        for (String p : platforms) {
            Platform platform = SlurmPlatform.names(p) ? SlurmPlatform.open(p, System.getenv(),
                    LocalPlatform.Found.probe(System.getenv())).platform() : PlatformCatalog.load(p);
            String spec = perPlatform.getOrDefault(platform.name(), all);
            out.add(new Scenario.Site(platform, parsed.computeIfAbsent(spec, WhatIfCommand::load)));
        }
        return out;
    }

    /** A load as named: {@code slurm[:CONF]} reads a real cluster's queue, anything else as {@link Load#parse}. */
    private static Load load(String spec) {
        return SlurmPlatform.names(spec.strip()) ? SlurmLoad.snapshot(spec.strip(), System.getenv()) : Load.parse(spec);
    }

    private static String name(String nameOrFile) {
        String f = Path.of(nameOrFile).getFileName().toString();
        return f.replaceFirst("\\.ya?ml$", "");
    }

    private static String header(Scenario s, List<Scenario.Sandbox> boxes, double replaySeconds) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "what-if at %s, load from %s (%s before);"
                + " replayed in %.2f s%n", s.at(), s.origin(), s.since(), replaySeconds));
        for (Scenario.Sandbox box : boxes) {
            b.append(String.format(Locale.ROOT, "  %-12s %s: %s; %s%n", box.platform().name(), box.load(),
                    box.stats().describe(), busy(box, s.at())));
        }
        return b.toString();
    }

    private static String busy(Scenario.Sandbox box, Instant at) {
        long used = box.core().inspect(cal -> cal.usageAt(at.getEpochSecond()))[0];
        return used + " of " + box.platform().capacity().cores() + " cores in use at the moment";
    }

    private static ObjectNode scenarioJson(Scenario s, List<Scenario.Sandbox> boxes) {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("at", s.at().toString()).put("since", s.since().toString());
        ArrayNode ps = o.putArray("platforms");
        for (Scenario.Sandbox box : boxes) {
            ps.addObject().put("name", box.platform().name()).put("load", box.load())
                    .put("jobsBooked", box.stats().booked()).put("jobsTooBig", box.stats().tooBig())
                    .put("meanWait", box.stats().meanWait().toString())
                    .put("coresInUse", box.core().inspect(cal -> cal.usageAt(s.at().getEpochSecond()))[0]);
        }
        return o;
    }

    private static ObjectNode sweepJson(Scenario s, List<Scenario.Sandbox> boxes, Sweep sweep, List<SweepPoint> points) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("scenario", scenarioJson(s, boxes));
        root.put("parameter", sweep.parameter().name().toLowerCase(Locale.ROOT));
        ArrayNode list = root.putArray("points");
        for (SweepPoint p : points) {
            ObjectNode o = list.addObject().put("value", p.value()).put("platform", p.platform());
            if (p.yes()) {
                o.put("earliestStart", p.earliestStart().toString()).put("earliestFinish", p.earliestFinish().toString());
                if (p.lowestCost() != null) {
                    o.put("lowestCost", p.lowestCost());
                }
            } else {
                p.no().forEach(o.putArray("no")::add);
            }
        }
        return root;
    }

    private static String sweepTable(Sweep sweep, List<SweepPoint> points, Instant at) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-10s %-12s %-18s %-10s %-18s %-10s %10s%n",
                sweep.parameter().name().toLowerCase(Locale.ROOT), "PLATFORM", "EARLIEST START", "(AFTER)",
                "EARLIEST FINISH", "(AFTER)", "COST"));
        for (SweepPoint p : points) {
            if (p.yes()) {
                b.append(String.format(Locale.ROOT, "%-10s %-12s %-18s %-10s %-18s %-10s %10s%n", p.value(), p.platform(),
                        OffersOutput.time(p.earliestStart()), DurationText.hoursMinutes(Duration.between(at, p.earliestStart())),
                        OffersOutput.time(p.earliestFinish()), DurationText.hoursMinutes(Duration.between(at, p.earliestFinish())),
                        p.lowestCost() == null ? "-" : String.format(Locale.ROOT, "%.3f", p.lowestCost())));
            } else {
                b.append(String.format(Locale.ROOT, "%-10s %-12s NO: %s%n", p.value(), p.platform(),
                        p.no().isEmpty() ? "(no reason given)" : p.no().get(0)));
            }
        }
        return b.toString();
    }
}
