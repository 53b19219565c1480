package io.orrery.workbench;

import io.orrery.client.Outcome;
import io.orrery.client.compare.Comparison;
import io.orrery.client.compare.OfferRow;
import io.orrery.client.compare.Range;
import io.orrery.workbench.offers.OffersViewModel;
import io.orrery.workbench.timeline.TimelineChart;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javafx.animation.PauseTransition;

/**
 * The rendering benchmark ({@code orrery bench --timeline}): fills the real window's offers table and timeline with
 * synthetic offers (2,000 over 10 brokers by default, seeded), then zooms and pans the timeline and times each
 * redraw, and the redraw with the chart rendered to an image, and reads the process's resident memory.
 */
public final class TimelineBench {
    private static final int RUNS = 200;

    private TimelineBench() {}

    /** Runs on the JavaFX thread once the window is shown; calls done when the figures are printed. */
    public static void run(Workbench wb, int brokers, int perBroker, PrintStream out, Runnable done) {
        OffersViewModel model = wb.offers().model();
        List<Outcome> outcomes = new ArrayList<>();
        List<OfferRow> rows = new ArrayList<>();
        synthetic(brokers, perBroker, model.clock().instant(), new Random(42), outcomes, rows);
        model.outcomes().setAll(outcomes);
        model.rows().setAll(rows);
        TimelineChart chart = wb.offers().view().chart();
        chart.fitAll();
        PauseTransition settle = new PauseTransition(javafx.util.Duration.seconds(1.5));
        settle.setOnFinished(e -> {
            measure(chart, rows.size(), brokers, out);
            done.run();
        });
        settle.play();
    }

    private static void measure(TimelineChart chart, int offers, int brokers, PrintStream out) {
        double[] draw = new double[RUNS];
        double[] frame = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            switch (i % 4) {
                case 0 -> chart.zoom(1.3);
                case 1 -> chart.pan(0.15);
                case 2 -> chart.zoom(1 / 1.3);
                default -> chart.pan(-0.15);
            }
            draw[i] = chart.lastDrawNanos() / 1e6;
            chart.snapshot(null, null);
            frame[i] = (System.nanoTime() - t0) / 1e6;
        }
        System.gc();
        long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
        long rss = residentMiB();
        out.printf(Locale.ROOT, "timeline bench: %d offers over %d brokers in the offers table and the timeline,"
                + " chart %.0fx%.0f px, Java %s, prism %s%n", offers, brokers, chart.getWidth(), chart.getHeight(),
                System.getProperty("java.version"), System.getProperty("prism.order", "default"));
        line(out, "redraw after a zoom or pan (canvas commands on the FX thread)", draw);
        line(out, "redraw and render of the chart to an image (snapshot)", frame);
        out.printf(Locale.ROOT, "resident memory (VmRSS): %d MiB; Java heap in use after GC: %d MiB%n", rss, heap);
        double worst = percentile(frame, 0.99);
        out.printf(Locale.ROOT, "targets: redraw under 33 ms (p99 of redraw and render: %.1f ms) %s; under 500 MB"
                + " resident (%d MiB) %s%n", worst, worst < 33 ? "met" : "NOT met", rss, rss * 1.048576 < 500 ? "met" : "NOT met");
        out.flush();
    }

    private static void line(PrintStream out, String what, double[] ms) {
        out.printf(Locale.ROOT, "%-62s median %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (%d runs)%n", what,
                percentile(ms, 0.5), percentile(ms, 0.9), percentile(ms, 0.99), Arrays.stream(ms).max().orElse(0), ms.length);
    }

    private static double percentile(double[] values, double p) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p * s.length) - 1)];
    }

    /** VmRSS of this process in MiB (Linux), or -1 where /proc is not there. */
    static long residentMiB() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("\\D+", "")) >> 10;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Offers spread over a week, of 1 to 12 hours, with preparation, release, costs and expiry. */
    static void synthetic(int brokers, int perBroker, Instant now, Random rnd, List<Outcome> outcomes, List<OfferRow> rows) {
        for (int b = 0; b < brokers; b++) {
            String broker = "synthetic-" + (b + 1);
            outcomes.add(new Outcome.Offers(broker, null, List.of(), Duration.ofMillis(rnd.nextInt(300))));
            for (int i = 0; i < perBroker; i++) {
                Instant start = now.plus(Duration.ofMinutes(rnd.nextInt(7 * 24 * 60)));
                Duration length = Duration.ofMinutes(60 + rnd.nextInt(11 * 60));
                long cores = 1L << rnd.nextInt(7);
                double cost = Math.round(cores * length.toMinutes() / 60.0 * 0.05 * 1000) / 1000.0;
                String uuid = new UUID(rnd.nextLong(), rnd.nextLong()).toString();
                rows.add(new OfferRow(broker, uuid, "builtin:" + broker + "/sessions/" + uuid, "offer-" + i, start,
                        start.plus(length), Duration.ofMinutes(1 + rnd.nextInt(30)), length,
                        Duration.ofSeconds(30 + rnd.nextInt(270)), cores, cores * 2, null,
                        Map.of(Comparison.MONETARY, new Range(cost, cost)), Map.of(), Map.of(),
                        now.plus(Duration.ofMinutes(2 + rnd.nextInt(8))), List.of(), true, rnd.nextInt(20) == 0));
            }
        }
    }
}
