package io.orrery.tools;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The big-body storm of {@code orrery loadtest}: many clients send about 1 MiB each at the same moment (valid
 * requests whose storage items carry long descriptions, a body over the limit, one long text), then one ordinary
 * request follows. A broker that keeps its bounds answers every one with 2xx, 400, 413 or 503, and the ordinary
 * request right after with offers.
 */
final class BodyStorm {
    /** Status -1 stands for a connection that failed without an answer. */
    record Result(Map<Integer, Integer> statuses, int followUp) {
        boolean bounded() {
            return statuses.keySet().stream().allMatch(s -> s >= 200 && s < 400 || s == 400 || s == 413 || s == 503)
                    && followUp == 303;
        }
    }

    private BodyStorm() {}

    static Result run(String base, int clients) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        Map<Integer, AtomicInteger> seen = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> sent = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String body = body(c);
            sent.add(pool.submit(() -> {
                go.await();
                seen.computeIfAbsent(post(http, base, body), k -> new AtomicInteger()).incrementAndGet();
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : sent) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        int followUp = post(http, base, BenchSupport.requestYaml(2, "PT1H"));
        Map<Integer, Integer> statuses = new TreeMap<>();
        seen.forEach((k, v) -> statuses.put(k, v.get()));
        return new Result(statuses, followUp);
    }

    /** About 1 MiB: mostly valid requests of 16 storage items with 60,000-character descriptions; some too large. */
    static String body(int client) {
        StringBuilder y = new StringBuilder(BenchSupport.requestYaml(2, "PT1H"));
        if (client % 8 == 7) {
            return y.append("costs: [{type: x, description: ").append("z".repeat(1_100_000)).append("}]\n").toString();
        }
        y.append("storage:\n");
        String description = "d".repeat(60_000);
        for (int i = 0; i < 16; i++) {
            y.append("  - kind: https://www.purl.org/ivoa.net/Calycopis-openapi/schema/v1.0/kinds/storage/"
                    + "simple-storage-resource.yaml\n    meta: {name: s").append(i).append(", description: ")
                    .append(description).append("}\n    size: {min: 1}\n");
        }
        return y.toString();
    }

    private static int post(HttpClient http, String base, String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + "/requests")).timeout(Duration.ofMinutes(2))
                    .header("Content-Type", "application/yaml").header("Accept", "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
