package io.orrery.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Await;
import io.orrery.broker.platform.PlatformCatalog;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP Basic sign-in as an attacker tries it, over real HTTP on loopback: timing does not tell names apart, failures
 * are limited per address and per name (429 with Retry-After, then recovery), and a flood of wrong passwords does not
 * starve a valid first sign-in. The figures are printed for the record.
 */
class SignInGuardTest {
    private static final String JSON = "application/json";

    @TempDir
    Path dir;

    private Path users(String... namesAndPasswords) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < namesAndPasswords.length; i += 2) {
            b.append(namesAndPasswords[i]).append(':')
                    .append(PasswordHash.hash(namesAndPasswords[i + 1].toCharArray())).append('\n');
        }
        return Files.writeString(dir.resolve("users"), b);
    }

    private static BrokerServer start(Path users, AttemptLimits limits) throws IOException {
        return BrokerServer.start(BrokerServer.Options.of(PlatformCatalog.find("laptop").orElseThrow())
                .auth(null, users).attempts(limits));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }

    private static double millis(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    @Test
    void anUnknownNameAWrongPasswordAndAMalformedCredentialTakeAsLong() throws Exception {
        try (BrokerServer server = start(users("carol", "carol-password"),
                AttemptLimits.defaults().failures(100_000, Duration.ofMillis(1)))) {
            Http http = new Http(server.baseUrl());
            List<Double> unknown = new ArrayList<>();
            List<Double> wrong = new ArrayList<>();
            List<Double> malformed = new ArrayList<>();
            for (int i = -5; i < 50; i++) { // five rounds of warm-up, then fifty measured; interleaved, so load hits all
                int n = i;
                double u = millis(() -> assertEquals(401, http.basic("nobody-" + n, "x").get("/usage", JSON).statusCode()));
                double w = millis(() -> assertEquals(401, http.basic("carol", "wrong-" + n).get("/usage", JSON).statusCode()));
                double m = n % 3 != 0 ? 0 : millis(() -> assertEquals(401, http
                        .authorized("Basic " + Base64.getEncoder().encodeToString(("no-colon-" + n).getBytes())).get("/usage", JSON).statusCode()));
                if (n >= 0) {
                    unknown.add(u);
                    wrong.add(w);
                    if (n % 3 == 0) {
                        malformed.add(m);
                    }
                }
            }
            double ratio = median(unknown) / median(wrong);
            double malformedRatio = median(malformed) / median(wrong);
            System.out.printf("sign-in timing, median of 50: unknown name %.1f ms, wrong password %.1f ms (ratio %.2f);"
                    + " malformed (17) %.1f ms (ratio %.2f)%n", median(unknown), median(wrong), ratio,
                    median(malformed), malformedRatio);
            assertTrue(ratio > 0.8 && ratio < 1.25, "unknown name vs wrong password, ratio of medians " + ratio);
            assertTrue(malformedRatio > 0.8 && malformedRatio < 1.25, "malformed vs wrong password " + malformedRatio);
        }
    }

    @Test
    void failuresFromOneAddressAre429UntilTheWindowPasses() throws Exception {
        try (BrokerServer server = start(users("carol", "carol-password"),
                AttemptLimits.defaults().failures(3, Duration.ofSeconds(5)))) {
            Http http = new Http(server.baseUrl());
            Http carol = http.basic("carol", "carol-password");
            assertEquals(200, carol.get("/usage", JSON).statusCode(), "carol signs in before the attack");
            for (int i = 0; i < 3; i++) {
                assertEquals(401, http.basic("nobody-" + i, "guess").get("/usage", JSON).statusCode());
            }
            HttpResponse<String> limited = http.basic("nobody-9", "guess").get("/usage", JSON);
            assertEquals(429, limited.statusCode(), limited.body());
            assertTrue(limited.body().contains("too many failed sign-ins from this address"), limited.body());
            long retry = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retry >= 1 && retry <= 5, "Retry-After " + retry);
            assertEquals(429, http.basic("carol", "carol-password-but-new").get("/usage", JSON).statusCode(),
                    "decided before any hashing, whatever the password");
            assertEquals(200, carol.get("/usage", JSON).statusCode(), "a credential proved before is still served");
            Await.until(Duration.ofSeconds(20), () -> http.basic("nobody-10", "guess").get("/usage", JSON)
                    .statusCode() == 401, "the address may try again once the window has passed");
        }
    }

    @Test
    void failuresAgainstOneNameFromManyAddressesAre429ForThatNameWhetherItExistsOrNot() throws Exception {
        try (BrokerServer server = start(users("carol", "carol-password"),
                AttemptLimits.defaults().failures(3, Duration.ofMinutes(1)))) {
            String usage = server.baseUrl() + "/usage";
            for (String name : List.of("carol", "nobody")) {
                for (int i = 0; i < 3; i++) {
                    assertEquals(401, from("127.0.0." + (2 + i), usage, basic(name, "guess-" + i)).status(),
                            name + " from address " + i);
                }
                FromAddress.Answer limited = from("127.0.0.9", usage, basic(name, "guess"));
                assertEquals(429, limited.status(), name + ": " + limited.body());
                assertTrue(limited.body().contains("from this user name"), limited.body());
                assertNotNull(limited.retryAfter());
            }
            assertEquals(401, from("127.0.0.10", usage, basic("dave", "x")).status(),
                    "another name is not limited");
        }
    }

    private static FromAddress.Answer from(String address, String url, String authorization) throws IOException {
        try (FromAddress client = new FromAddress(address)) {
            return client.get(url, authorization);
        }
    }

    @Test
    void aFloodOfWrongPasswordsDoesNotStarveAValidFirstSignIn() throws Exception {
        String[] accounts = {"alice", "alice-password", "valid-1", "password-1", "valid-2", "password-2",
            "valid-3", "password-3", "valid-4", "password-4", "valid-5", "password-5"};
        try (BrokerServer server = start(users(accounts), AttemptLimits.defaults())) {
            String usage = server.baseUrl() + "/usage";
            Map<Integer, AtomicInteger> flood = new ConcurrentHashMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService attackers = Executors.newFixedThreadPool(64);
            FromAddress attacker = new FromAddress("127.0.0.2");
            for (int t = 0; t < 64; t++) {
                int thread = t;
                attackers.submit(() -> {
                    for (int n = 0; !stop.get(); n++) {
                        try {
                            int status = attacker.get(usage, basic("alice", "guess-" + thread + "-" + n)).status();
                            flood.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                        } catch (IOException e) {
                            flood.computeIfAbsent(-1, k -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                });
            }
            try {
                Await.until(Duration.ofSeconds(60), () -> flood.getOrDefault(429, new AtomicInteger()).get() > 500,
                        "the flood is turned away cheaply");
                Http http = new Http(server.baseUrl());
                List<Double> valid = new ArrayList<>();
                for (int i = 1; i <= 5; i++) {
                    Http user = http.basic("valid-" + i, "password-" + i); // each signs in for the first time: hashed
                    valid.add(millis(() -> {
                        HttpResponse<String> r = user.get("/usage", JSON);
                        assertEquals(200, r.statusCode(), r.body());
                    }));
                }
                System.out.printf("under 64 concurrent wrong passwords: valid first sign-ins %s ms (median %.0f);"
                        + " the flood's answers so far %s%n", valid.stream().map(v -> String.format("%.0f", v)).toList(),
                        median(valid), flood);
                assertTrue(median(valid) < 1000, "a valid first sign-in under the flood took " + valid + " ms");
            } finally {
                stop.set(true);
                attackers.shutdown();
                assertTrue(attackers.awaitTermination(60, TimeUnit.SECONDS));
                attacker.close();
            }
            int hashed = flood.getOrDefault(401, new AtomicInteger()).get();
            assertTrue(hashed <= 20, "the flood's guesses that were hashed: " + hashed + " (burst 10, then 10 a minute)");
        }
    }
}
