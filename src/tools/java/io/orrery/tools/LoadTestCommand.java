package io.orrery.tools;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code orrery loadtest}: starts {@code orrery serve} as a separate process on 127.0.0.1 (in memory, then with a
 * database), books background load, and has concurrent clients ask for offers and accept half of them, bounded in
 * count and time. Prints requests per second, latency percentiles, server errors, overbooking and the server's
 * resident memory.
 */
@Command(name = "loadtest", mixinStandardHelpOptions = true,
        description = {"Load-test orrery serve on loopback: concurrent clients requesting offers and accepting half.",
            "Exit status 1 if any answer was a 5xx or the calendar overbooked."})
public final class LoadTestCommand implements Callable<Integer> {
    /** The goals of issue 19 (16 clients, 10,000 background reservations), printed beside the figures. */
    static final int GOAL_MEMORY = 2000;
    static final int GOAL_DATA = 1000;
    static final double GOAL_P99_MS = 20;

    @Option(names = "--clients", defaultValue = "16", description = "concurrent clients (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--requests", defaultValue = "20000", description = "offer requests per run (default: ${DEFAULT-VALUE})")
    int requests;

    @Option(names = "--seconds", defaultValue = "30", description = "longest run (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--background", defaultValue = "10000", description = "live background reservations (default: ${DEFAULT-VALUE})")
    int background;

    @Option(names = "--platform", defaultValue = "cloud", description = "platform (default: ${DEFAULT-VALUE})")
    String platform;

    @Option(names = "--modes", split = ",", defaultValue = "memory,data", description = "memory, data or both (default: ${DEFAULT-VALUE})")
    List<String> modes;

    @Option(names = "--url", paramLabel = "URL", description = "load a running broker instead of starting one")
    String url;

    @Option(names = "--format", defaultValue = "json", description = "json or yaml bodies both ways (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--storm", defaultValue = "64", paramLabel = "N",
            description = "then N clients send about 1 MiB each at once, and one ordinary request follows (default: ${DEFAULT-VALUE}; 0 skips)")
    int storm;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The figures of one run. */
    public record Result(String mode, int done, double seconds, double perSecond, double p50, double p90, double p99,
                         int serverErrors, int accepted, boolean overbooked, long rssMiB, long heapMiB,
                         Storm storm) {
    }

    /** The big-body storm: what it was answered, and the broker's memory after it. */
    public record Storm(java.util.Map<Integer, Integer> statuses, int followUp, boolean bounded, long rssMiB,
                        long heapMiB) {
    }

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        out.printf("%d clients, %s bodies, %d background reservations, platform %s, %d processors%n", clients, format,
                background, platform, Runtime.getRuntime().availableProcessors());
        out.printf("%-7s %8s %8s %9s %8s %8s %8s %5s %9s %11s %8s %9s%n", "mode", "requests", "seconds", "req/s",
                "p50 ms", "p90 ms", "p99 ms", "5xx", "accepted", "overbooked", "RSS MiB", "heap MiB");
        boolean ok = true;
        for (String mode : url == null ? modes : List.of("given")) {
            Result r = url == null ? run(mode.equals("data")) : measure(url, null, "given");
            out.printf("%-7s %8d %8.1f %9.0f %8.2f %8.2f %8.2f %5d %9d %11s %8d %9d%n", r.mode(), r.done(), r.seconds(),
                    r.perSecond(), r.p50(), r.p90(), r.p99(), r.serverErrors(), r.accepted(), r.overbooked(), r.rssMiB(),
                    r.heapMiB());
            if (r.storm() != null) {
                out.printf("        storm of %d bodies of ~1 MiB: answers %s, then an ordinary request: %d; RSS %d -> %d MiB,"
                        + " heap in use %d -> %d MiB%s%n", storm, r.storm().statuses(), r.storm().followUp(), r.rssMiB(),
                        r.storm().rssMiB(), r.heapMiB(), r.storm().heapMiB(), r.storm().bounded() ? "" : "  NOT BOUNDED");
            }
            out.flush();
            ok &= r.serverErrors() == 0 && !r.overbooked() && (r.storm() == null || r.storm().bounded());
        }
        out.printf("goals of issue 19: >= %,d offer requests/s in memory, >= %,d/s with --data, p99 <= %.0f ms, no 5xx,"
                + " no overbooking%n", GOAL_MEMORY, GOAL_DATA, GOAL_P99_MS);
        return ok ? 0 : 1;
    }

    /** One run against a fresh broker process. */
    public Result run(boolean data) throws Exception {
        try (ServeProcess server = ServeProcess.start(platform, background, data)) {
            return measure(server.base(), server.process(), data ? "data" : "memory");
        }
    }

    private Result measure(String base, Process server, String mode) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        {
            ServeProcess.awaitReady(base, server);
            load(http, base, Math.min(2000, requests), 30);
            long t0 = System.nanoTime();
            Load run = load(http, base, requests, seconds);
            double elapsed = (System.nanoTime() - t0) / 1e9;
            String usage = usage(http, base);
            long rss = server == null ? 0 : rssMiB(server.pid());
            Storm after = null;
            if (storm > 0) {
                BodyStorm.Result s = BodyStorm.run(base, storm);
                after = new Storm(s.statuses(), s.followUp(), s.bounded(), server == null ? 0 : rssMiB(server.pid()),
                        heapMiB(usage(http, base)));
            }
            double[] ms = run.latencies();
            return new Result(mode, ms.length, elapsed, ms.length / elapsed, BenchSupport.percentile(ms, 50),
                    BenchSupport.percentile(ms, 90), BenchSupport.percentile(ms, 99), run.serverErrors().get(),
                    run.accepted().get(), !usage.contains("overbooked: false"), rss, heapMiB(usage), after);
        }
    }

    private record Load(double[] latencies, AtomicInteger serverErrors, AtomicInteger accepted) {
    }

    private Load load(HttpClient http, String base, int count, int maxSeconds) throws Exception {
        String body = BenchSupport.requestYaml(2, "PT1H");
        boolean json = format.equalsIgnoreCase("json");
        String sent = json ? WireCodec.write(BenchSupport.request(2, "PT1H"), Format.JSON) : body;
        String accept = json ? "{\"kind\":\"uri:enum-value-update\",\"path\":\"phase\",\"value\":\"ACCEPTED\"}"
                : "kind: uri:enum-value-update\npath: phase\nvalue: ACCEPTED\n";
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        double[] latencies = new double[count];
        long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            long seed = c;
            pool.submit(() -> {
                Random r = new Random(seed);
                try (LoopbackHttp client = new LoopbackHttp(base, json ? "application/json" : "application/yaml")) {
                    int i;
                    while ((i = next.getAndIncrement()) < count && System.nanoTime() < deadline) {
                        long t = System.nanoTime();
                        LoopbackHttp.Answer resp = post(client, "/requests", sent);
                        latencies[i] = (System.nanoTime() - t) / 1e6;
                        if (resp == null || resp.status() >= 500) {
                            errors.incrementAndGet();
                            continue;
                        }
                        String session = firstSession(resp.body());
                        if (r.nextBoolean() && session != null) {
                            LoopbackHttp.Answer a = post(client, session, accept);
                            if (a == null || a.status() >= 500) {
                                errors.incrementAndGet();
                            } else if (a.status() == 200) {
                                accepted.incrementAndGet();
                            }
                        }
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(maxSeconds + 30L, TimeUnit.SECONDS);
        int done = Math.min(count, next.get());
        double[] ms = Arrays.copyOf(latencies, done);
        Arrays.sort(ms);
        return new Load(ms, errors, accepted);
    }

    private static String usage(HttpClient http, String base) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/usage")).header("Accept", "application/yaml").build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The heap in use that GET /usage reports (0 when it does not say). */
    static long heapMiB(String usage) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("usedMiB: (\\d+)").matcher(usage);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** The path of the first session in an offer set: found with indexOf, so the load generator stays cheap. */
    static String firstSession(String body) {
        int at = body.indexOf("/sessions/");
        return at < 0 || at + 46 > body.length() ? null : body.substring(at, at + 46);
    }

    private static LoopbackHttp.Answer post(LoopbackHttp client, String path, String body) {
        try {
            return client.post(path, body);
        } catch (IOException e) {
            return null;
        }
    }

    /** Resident memory of a process from /proc, in MiB (0 where /proc is not there). */
    static long rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

}
