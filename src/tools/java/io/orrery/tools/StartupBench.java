package io.orrery.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code orrery bench --startup}: starts {@code orrery serve --platform cloud} as a separate process N times, with
 * and without the launcher's class-data sharing archive, in memory and with {@code --data}, and prints the time from
 * starting the process to its first 200 on GET / (median, min, max), the CPU time it used by then and its resident
 * memory, beside the goal of issue 19 (ready in 0.5 s).
 */
final class StartupBench {
    /** Issue 19: {@code orrery serve} ready to answer within this. */
    static final double GOAL_MS = 500;

    private StartupBench() {}

    /** One configuration's starts: ready times and CPU times in ms, resident memory in MiB. */
    record Figures(String archive, String mode, double[] readyMs, double[] cpuMs, long[] rssMiB) {
        double medianReady() {
            return median(readyMs);
        }
    }

    static int run(int starts, PrintWriter out) throws IOException, InterruptedException {
        Path archive = ServeProcess.archive();
        out.printf(Locale.ROOT, "orrery serve --platform cloud started %d times per line; ready = first 200 on GET /"
                + " (asked every 5 ms), from starting the process (the JVM, not the launcher script); Java %s, %d"
                + " processors%n", starts, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        if (archive == null) {
            out.println("no class-data sharing archive (run through ./orrery, which makes one per build and JDK):"
                    + " only the starts without it");
        }
        out.printf(Locale.ROOT, "%-8s %-7s %10s %8s %8s %9s %8s%n", "archive", "mode", "median ms", "min ms", "max ms",
                "CPU ms", "RSS MiB");
        // one start first, not counted: the files and this process's HTTP client are then as warm as they will be
        ServeProcess.start("cloud", 0, false, archive).close();
        List<Figures> all = new ArrayList<>();
        for (Path a : archive == null ? new Path[] {null} : new Path[] {archive, null}) {
            for (boolean data : new boolean[] {false, true}) {
                Figures f = measure(a, data, starts);
                all.add(f);
                out.printf(Locale.ROOT, "%-8s %-7s %10.0f %8.0f %8.0f %9.0f %8d%n", f.archive(), f.mode(),
                        f.medianReady(), f.readyMs()[0], f.readyMs()[starts - 1], median(f.cpuMs()),
                        f.rssMiB()[starts / 2]);
                out.flush();
            }
        }
        Figures best = all.get(0);
        out.printf(Locale.ROOT, "goal of issue 19: ready within %.0f ms; %s in memory: %.0f ms median (%s)%n", GOAL_MS,
                best.archive().equals("yes") ? "with the archive" : "without an archive", best.medianReady(),
                best.medianReady() <= GOAL_MS ? "met" : "NOT met");
        return 0;
    }

    /** That many starts of one configuration, each stopped once it has answered. */
    static Figures measure(Path archive, boolean data, int starts) throws IOException, InterruptedException {
        double[] ready = new double[starts];
        double[] cpu = new double[starts];
        long[] rss = new long[starts];
        for (int i = 0; i < starts; i++) {
            try (ServeProcess p = ServeProcess.start("cloud", 0, data, archive)) {
                ready[i] = p.readyNanos() / 1e6;
                cpu[i] = p.process().info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(0.0);
                rss[i] = LoadTestCommand.rssMiB(p.process().pid());
            }
        }
        Arrays.sort(ready);
        Arrays.sort(cpu);
        Arrays.sort(rss);
        return new Figures(archive == null ? "no" : "yes", data ? "data" : "memory", ready, cpu, rss);
    }

    private static double median(double[] sorted) {
        return BenchSupport.percentile(sorted, 50);
    }
}
