package io.orrery.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.model.check.Checker;
import io.orrery.model.codec.Format;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The seeded mutation fuzz: ten thousand hostile variants of the sample tasks, the captured requests and updates,
 * sent as JSON and YAML with odd media types to every POST endpoint of a real broker over loopback. No answer is a
 * 5xx, none hangs, the calendar is never overbooked, {@code orrery validate}'s checker never throws on the same
 * text, and a valid request still gets offers afterwards.
 */
class HostileBodiesTest {
    static final int BODIES = Integer.getInteger("orrery.fuzz.bodies", 10_000);
    private static final ObjectMapper YAML = YAMLMapper.builder().build();

    static List<JsonNode> seeds() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String s : FuzzTest.samples()) {
            out.add(YAML.readTree(s));
        }
        for (CaptureRequestsTest.Sent s : CaptureRequestsTest.requests()) {
            try {
                JsonNode tree = YAML.readTree(s.body());
                if (tree != null && tree.isObject()) {
                    out.add(tree);
                }
            } catch (RuntimeException unreadable) {
                // a captured bad body that is not YAML: the text mutations of the readable ones cover it
            }
        }
        out.add(YAML.readTree("{kind: 'uri:enum-value-update', path: phase, value: ACCEPTED}"));
        out.add(YAML.readTree("{update: {type: 'uri:enum-value-update', path: phase, value: REJECTED}}"));
        out.add(YAML.readTree("{kind: 'uri:enum-value-update', path: phase, value: CANCELLED, delta: 3}"));
        return out;
    }

    @Test
    @Timeout(180)
    void tenThousandHostileBodiesGetNoServerErrorAndTheBrokerStaysCorrect() throws Exception {
        List<JsonNode> seeds = seeds();
        assertTrue(seeds.size() > 60, "seeds: " + seeds.size());
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        java.util.Queue<String> failure = new java.util.concurrent.ConcurrentLinkedQueue<>();
        long t0 = System.nanoTime();
        try (BrokerServer server = BrokerServer.start(BrokerServer.Options.of(PlatformCatalog.find("cloud").orElseThrow()))) {
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            String offer = offerUrl(server);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int worker = w;
                work.add(pool.submit(() -> {
                    BodyMutator m = new BodyMutator(20261201L + worker);
                    Random r = new Random(7L * worker + 1);
                    for (int i = worker; i < BODIES && failure.size() < 12; i += 2) {
                        BodyMutator.Mutant body = m.mutate(seeds.get(r.nextInt(seeds.size())));
                        String path = List.of("/requests", "/offersets", "/direct", "/sessions", offer,
                                "/sessions/" + UUID.randomUUID()).get(r.nextInt(6));
                        long t1 = System.nanoTime();
                        int status = send(client, server.baseUrl(), path, body);
                        long ms = (System.nanoTime() - t1) / 1_000_000;
                        checkerNeverThrows(body, failure, i);
                        if (ms > 2000) {
                            System.out.println("slow: " + ms + " ms, " + body.body().length + " bytes, " + body.how()
                                    + " to " + path + " -> " + status);
                        }
                        statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                        if (status >= 500 || status < 200) {
                            failure.add("body " + i + " (" + body.how() + ") to " + path + " -> "
                                    + status + "\n" + cut(body.text()));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            pool.shutdown();
            assertTrue(failure.isEmpty(), String.join("\n=====\n", failure));
            assertFalse(server.core().usage().overbooked(), "the calendar is within capacity");
            assertTrue(offerUrl(server).contains("/sessions/"), "a valid request still gets offers");
        }
        Map<Integer, Integer> histogram = new TreeMap<>();
        statuses.forEach((k, v) -> histogram.put(k, v.get()));
        int total = histogram.values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(BODIES, total);
        assertTrue(histogram.getOrDefault(400, 0) > BODIES / 4, histogram.toString());
        System.out.printf("hostile bodies: %d in %.1f s, statuses %s%n", total, (System.nanoTime() - t0) / 1e9, histogram);
    }

    private static void checkerNeverThrows(BodyMutator.Mutant body, java.util.Queue<String> failure, int i) {
        try {
            Checker.check(body.text(), body.contentType() != null && body.contentType().contains("json")
                    ? Format.JSON : Format.YAML);
        } catch (RuntimeException e) {
            failure.add("validate threw on body " + i + " (" + body.how() + "): " + e + "\n"
                    + cut(body.text()));
        }
    }

    static int send(HttpClient client, String base, String path, BodyMutator.Mutant body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofByteArray(body.body()));
        if (body.contentType() != null) {
            b.header("Content-Type", body.contentType());
        }
        if (body.accept() != null) {
            b.header("Accept", body.accept());
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -2;
        }
    }

    private static String offerUrl(BrokerServer server) {
        Http http = new Http(server.baseUrl());
        HttpResponse<String> r = http.post("/requests", "application/yaml", "application/yaml",
                "executable: {kind: 'https://www.purl.org/ivoa.net/Calycopis-openapi/schema/v1.0/kinds/executable/"
                        + "docker-container.yaml', image: {locations: [ghcr.io/a/b:1]}}\n");
        assertEquals(303, r.statusCode(), r.body());
        return r.body().lines().filter(l -> l.contains("/sessions/")).findFirst().orElseThrow()
                .replaceAll(".*(http://[^ ]*/sessions/[0-9a-f-]{36}).*", "$1");
    }

    private static String cut(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) + "... (" + s.length() + " chars)" : s;
    }
}
