package io.orrery.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.platform.PlatformCatalog;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Mutated, truncated, oversized and hostile bodies get 4xx answers (or a 303), never a 5xx, and the server lives. */
class FuzzTest {
    private static final int CASES = 600;

    static List<String> samples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("orrery.samples", "sample-tasks")))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    static String mutate(String text, Random r) {
        StringBuilder b = new StringBuilder(text);
        switch (r.nextInt(9)) {
            case 0 -> b.setLength(r.nextInt(Math.max(1, b.length())));
            case 1 -> {
                int at = r.nextInt(b.length());
                b.insert(at, "\"{[:-&*!|>'%@`".charAt(r.nextInt(14)));
            }
            case 2 -> {
                for (int i = 0; i < 1 + r.nextInt(5); i++) {
                    b.deleteCharAt(r.nextInt(b.length()));
                }
            }
            case 3 -> {
                return text.replaceAll("\\b\\d+\\b", r.nextBoolean() ? "99999999999999999999999" : "-1");
            }
            case 4 -> {
                return "a: " + "[".repeat(1000 + r.nextInt(5000)) + "]".repeat(10);
            }
            case 5 -> {
                return text.replace("min:", r.nextBoolean() ? "min: [1, 2]\n  x:" : "min: null #");
            }
            case 6 -> {
                return text.replace("kind:", "kind: " + "k".repeat(r.nextInt(100)) + " #");
            }
            case 7 -> {
                return "x: &a [1]\ny: [*a, *a]\n";
            }
            default -> {
                int at = r.nextInt(b.length());
                b.insert(at, "\n  extra" + r.nextInt(9) + ": {nested: [1, {deep: yes}]}\n");
            }
        }
        return b.toString();
    }

    @Test
    void onlyClientErrorsAndTheServerKeepsServing() throws Exception {
        List<String> samples = samples();
        Random r = new Random(20261121);
        Map<Integer, Integer> statuses = new TreeMap<>();
        try (BrokerServer server = BrokerServer.start(BrokerServer.Options.of(PlatformCatalog.find("cloud").orElseThrow()))) {
            Http http = new Http(server.baseUrl());
            HttpResponse<String> offers = http.post("/requests", "application/yaml", "application/yaml", samples.get(0));
            String session = offers.body().lines().filter(l -> l.contains("/sessions/")).findFirst().orElseThrow()
                    .replaceAll(".*(/sessions/[0-9a-f-]{36}).*", "$1");
            for (int i = 0; i < CASES; i++) {
                String body = mutate(samples.get(r.nextInt(samples.size())), r);
                String type = r.nextInt(10) == 0 ? "application/json" : "application/yaml";
                String path = List.of("/requests", "/direct", session).get(r.nextInt(3));
                HttpResponse<String> resp = http.post(path, type, "application/json", body);
                statuses.merge(resp.statusCode(), 1, Integer::sum);
                assertTrue(resp.statusCode() < 500, "case " + i + " " + path + " -> " + resp.statusCode() + "\n"
                        + resp.body() + "\nfor:\n" + body);
            }
            assertEquals(200, http.get("/", "application/json").statusCode(), "still serving");
        }
        assertTrue(statuses.getOrDefault(400, 0) > 50, statuses.toString());
        System.out.println("fuzz: " + CASES + " bodies, statuses " + statuses);
    }
}
