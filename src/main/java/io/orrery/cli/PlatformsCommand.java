package io.orrery.cli;

import io.orrery.broker.platform.Platform;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.engine.LocalPlatform;
import io.orrery.engine.RealPlatforms;
import io.orrery.engine.slurm.SlurmPlatform;
import java.util.function.Supplier;
import io.orrery.broker.platform.PlatformException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code orrery platforms}: the built-in platforms (or platform files) with their capacity. */
@Command(name = "platforms", mixinStandardHelpOptions = true,
        description = {"List platforms the bundled broker core can run: 'local' (this machine, sized from it, running"
                + " sessions for real) and the simulated built-in ones, or the named ones",
            "(a built-in name or a platform YAML file, which is checked). Exit status: 0, or 1 if a file is invalid."})
public final class PlatformsCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "NAME|FILE", description = "platforms to show (default: the built-in ones)")
    List<String> names = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Platform> platforms = new ArrayList<>();
        try {
            Supplier<LocalPlatform.Found> probe = Memo.of(() -> LocalPlatform.Found.probe(System.getenv()));
            if (names.isEmpty()) {
                platforms.add(LocalPlatform.platform(probe.get()));
                platforms.addAll(PlatformCatalog.builtIn());
            } else {
                for (String n : names) {
                    platforms.add(SlurmPlatform.names(n) ? SlurmPlatform.open(n, System.getenv(), probe.get()).platform()
                            : RealPlatforms.load(n, probe));
                }
            }
        } catch (PlatformException e) {
            spec.commandLine().getErr().println("orrery platforms: " + e.getMessage());
            return 1;
        }
        out.printf("%-10s %7s %9s %10s  %-18s %-9s %-12s %s%n", "NAME", "CORES", "MEM GiB", "STORE GiB", "GPUS",
                "LONGEST", "CORE-HOUR", "DESCRIPTION");
        for (Platform p : platforms) {
            out.printf("%-10s %7d %9d %10d  %-18s %-9s %-12s %s%n", p.name(), p.capacity().cores(), p.capacity().memory(),
                    p.capacity().storage(), gpus(p.capacity().gpus()), p.limits().longest().toString().substring(2).toLowerCase(),
                    String.format("%.3f", p.prices().coreHour().monetary()), p.description());
        }
        for (Platform p : platforms) {
            p.execution().unavailable().forEach((kind, why) -> out.printf("%s: %s: %s%n", p.name(), kind, why));
        }
        out.flush();
        return 0;
    }

    private static String gpus(Map<String, Long> gpus) {
        return gpus.isEmpty() ? "-" : gpus.entrySet().stream().map(e -> e.getValue() + "x" + e.getKey())
                .collect(Collectors.joining(","));
    }
}
