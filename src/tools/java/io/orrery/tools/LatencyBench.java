package io.orrery.tools;

import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;

/**
 * {@code orrery bench --latency N}: a real {@code orrery serve} process on loopback (in memory, then with
 * {@code --data}), and N sequential offer requests from this one process, each on a new connection (no process
 * start inside the figure, unlike {@code curl}); median, p90 and p99 against the reference broker's 23 ms.
 */
final class LatencyBench {
    /**
     * The reference broker's median (the 2026-05 one, and the 2026-08 one with an unhashed admin account) for the same
     * sequential request, measured with one curl process each on this 2-core machine: quoted from issue 19.
     */
    static final double REFERENCE_MS = 23.0;
    /** Live background reservations on the broker, as {@code orrery loadtest} books them. */
    static final int BACKGROUND = 10_000;

    private LatencyBench() {}

    /** The figures of one mode: sorted latencies in ms and how many answers were not 303. */
    record Figures(String mode, double[] sorted, int failures) {
        double median() {
            return BenchSupport.percentile(sorted, 50);
        }
    }

    static int run(int requests, PrintWriter out) throws IOException, InterruptedException {
        out.printf("sequential offer requests, a new connection each, against orrery serve (platform cloud, %d background"
                + " reservations, JSON), %d processors, Java %s%n", BACKGROUND, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        out.printf("%-7s %8s %9s %9s %9s %9s %6s %18s%n", "mode", "requests", "median ms", "p90 ms", "p99 ms", "max ms",
                "non-303", "reference 23 ms / median");
        boolean ok = true;
        for (boolean data : new boolean[] {false, true}) {
            try (ServeProcess server = ServeProcess.start("cloud", BACKGROUND, data)) {
                Figures f = measure(server.base(), data ? "data" : "memory", requests);
                out.printf("%-7s %8d %9.3f %9.3f %9.3f %9.3f %6d %17.1fx%n", f.mode(), f.sorted().length, f.median(),
                        BenchSupport.percentile(f.sorted(), 90), BenchSupport.percentile(f.sorted(), 99),
                        f.sorted()[f.sorted().length - 1], f.failures(), REFERENCE_MS / f.median());
                out.flush();
                ok &= f.failures() == 0;
            }
        }
        return ok ? 0 : 1;
    }

    /** Warms the broker up with as many requests (not counted), then times them one after another. */
    static Figures measure(String base, String mode, int requests) {
        String body = WireCodec.write(BenchSupport.request(2, "PT1H"), Format.JSON);
        int failures = 0;
        double[] ms = new double[requests];
        for (int i = -Math.max(requests, 500); i < requests; i++) {
            long t0 = System.nanoTime();
            int status = once(base, body);
            long t1 = System.nanoTime();
            if (i >= 0) {
                ms[i] = (t1 - t0) / 1e6;
                failures += status == 303 ? 0 : 1;
            }
        }
        Arrays.sort(ms);
        return new Figures(mode, ms, failures);
    }

    /** One request on a fresh connection, closed after the answer; its status (0 when it failed). */
    private static int once(String base, String body) {
        try (LoopbackHttp client = new LoopbackHttp(base, "application/json")) {
            return client.post("/requests", body).status();
        } catch (IOException e) {
            return 0;
        }
    }
}
