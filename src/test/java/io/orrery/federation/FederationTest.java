package io.orrery.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.client.BrokerRegistry;
import io.orrery.client.HttpBroker;
import io.orrery.server.BrokerServer;
import io.orrery.server.FrontServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A federation ({@code serve --federate}) in front of real brokers on loopback: cloud (wanting a token the
 * federation holds), budget, a slow one (accepts connections, never answers) and a dead one (nobody listens).
 */
class FederationTest {
    private static final String UPSTREAM_TOKEN = "upstream-s3cret-4d1f";
    private static final String USER_TOKEN = "federation-user-7a2c";
    private static final String OTHER_TOKEN = "federation-user-b0b9";
    private static final Duration SLOW_TIMEOUT = Duration.ofMillis(2000); // 0.5 s to connect + 1.5 s to answer
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final List<AutoCloseable> running = new ArrayList<>();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private BrokerServer cloud;
    private BrokerServer budget;
    private ServerSocket slow;
    private int dead;
    private FrontServer federation;

    @BeforeEach
    void start() throws Exception {
        Path upstreamTokens = Files.writeString(dir.resolve("upstream-tokens"), "federation " + UPSTREAM_TOKEN + "\n");
        cloud = BrokerServer.start(BrokerServer.Options.of(PlatformCatalog.find("cloud").orElseThrow())
                .auth(upstreamTokens, null));
        budget = BrokerServer.start(BrokerServer.Options.of(PlatformCatalog.find("budget").orElseThrow()));
        running.add(cloud);
        running.add(budget);
        slow = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        running.add(slow);
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dead = s.getLocalPort();
        }
        Path file = Files.writeString(dir.resolve("upstreams.yaml"), """
                brokers:
                  - {name: cloud, url: '%s', token: '%s', readTimeout: PT10S}
                  - {name: budget, url: '%s', readTimeout: PT10S}
                  - {name: slow, url: 'http://127.0.0.1:%d', connectTimeout: PT0.5S, readTimeout: PT1.5S}
                  - {name: dead, url: 'http://127.0.0.1:%d', connectTimeout: PT0.5S, readTimeout: PT1.5S}
                """.formatted(cloud.baseUrl(), UPSTREAM_TOKEN, budget.baseUrl(), slow.getLocalPort(), dead));
        federation = federate("federation", file);
    }

    private FrontServer federate(String name, Path file) throws Exception {
        Path tokens = Files.writeString(dir.resolve(name + "-tokens"), "alice " + USER_TOKEN + "\nbob " + OTHER_TOKEN + "\n");
        var upstreams = BrokerRegistry.loadFile(file).all();
        FrontServer s = FrontServer.start(new FrontServer.Options("127.0.0.1", 0, null, tokens, null, false,
                new PrintStream(log, true, StandardCharsets.UTF_8)),
                base -> new Federation(name, base, upstreams, Clock.systemUTC()));
        running.add(s);
        return s;
    }

    @AfterEach
    void stop() throws Exception {
        HttpBroker.closeIdleConnections();
        java.util.Collections.reverse(running);
        for (AutoCloseable c : running) {
            c.close();
        }
    }

    private HttpResponse<String> send(String url, String token, String body) throws Exception {
        HttpResponse<String> r = FrontCall.send(http, url, token, body);
        assertFalse(r.body().contains(UPSTREAM_TOKEN), "an upstream credential leaked: " + r.body());
        return r;
    }

    private static String task() throws Exception {
        return Files.readString(Path.of(System.getProperty("orrery.samples", "sample-tasks"), "01-minimal-container.yaml"));
    }

    private static String accept(String phase) {
        return "{kind: uri:enum-value-update, path: phase, value: " + phase + "}";
    }

    private JsonNode offers(FrontServer f) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = send(f.baseUrl() + "/requests", USER_TOKEN, task());
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertEquals(303, r.statusCode(), r.body());
        assertTrue(took.compareTo(SLOW_TIMEOUT.plusSeconds(3)) < 0, "the slow site cost more than its timeout: " + took);
        JsonNode set = JSON.readTree(r.body());
        assertEquals(r.headers().firstValue("Location").orElseThrow(), set.path("meta").path("url").asString());
        return set;
    }

    private static Set<String> sites(JsonNode set) {
        Set<String> out = new HashSet<>();
        set.path("offers").forEach(o -> out.add(o.path("meta").path("federation").path("site").asString()));
        return out;
    }

    @Test
    void oneRequestGetsTheLiveSitesOffersInOneSetAndSaysWhoIsMissing() throws Exception {
        assertEquals(401, send(federation.baseUrl() + "/requests", null, task()).statusCode());
        JsonNode set = offers(federation);
        assertEquals("YES", set.path("result").asString());
        assertEquals(Set.of("cloud", "budget"), sites(set));
        for (JsonNode o : set.path("offers")) {
            assertTrue(o.path("meta").path("url").asString().startsWith(federation.baseUrl() + "/sessions/"), o.toString());
            assertTrue(o.path("meta").path("description").asString().startsWith("from site "), o.toString());
            String upstream = o.path("meta").path("federation").path("upstream").asString();
            assertTrue(upstream.startsWith(cloud.baseUrl()) || upstream.startsWith(budget.baseUrl()), upstream);
        }
        String messages = set.path("meta").path("messages").toString();
        assertTrue(messages.contains("site slow is not in this answer"), messages);
        assertTrue(messages.contains("site dead is not in this answer"), messages);
        assertEquals(200, send(set.path("meta").path("url").asString(), USER_TOKEN, null).statusCode());
    }

    @Test
    void acceptGoesToItsSiteAndRejectsTheSiblingsUpstream() throws Exception {
        JsonNode set = offers(federation);
        JsonNode chosen = null;
        for (JsonNode o : set.path("offers")) {
            if (o.path("meta").path("federation").path("site").asString().equals("cloud")) {
                chosen = o;
            }
        }
        assertTrue(chosen != null, set.toString());
        String url = chosen.path("meta").path("url").asString();
        HttpResponse<String> accepted = send(url, USER_TOKEN, accept("ACCEPTED"));
        assertEquals(200, accepted.statusCode(), accepted.body());
        assertNotEquals("OFFERED", JSON.readTree(accepted.body()).path("phase").asString());

        for (JsonNode o : set.path("offers")) {
            String upstream = o.path("meta").path("federation").path("upstream").asString();
            boolean atCloud = upstream.startsWith(cloud.baseUrl());
            JsonNode there = JSON.readTree(send(upstream, atCloud ? UPSTREAM_TOKEN : null, null).body());
            if (o == chosen) {
                assertNotEquals("OFFERED", there.path("phase").asString());
                assertNotEquals("REJECTED", there.path("phase").asString());
                JsonNode through = JSON.readTree(send(url, USER_TOKEN, null).body());
                assertEquals(there.path("phase").asString(), through.path("phase").asString());
                assertEquals(url, through.path("meta").path("url").asString());
            } else {
                assertEquals("REJECTED", there.path("phase").asString(), "sibling at " + upstream);
            }
        }
        assertEquals(401, send(url, "not-a-token", null).statusCode(), "a stranger is turned away");
        assertEquals(404, send(url, OTHER_TOKEN, null).statusCode(), "another user of the federation is told nothing");
        assertEquals(404, send(set.path("meta").path("url").asString(), OTHER_TOKEN, null).statusCode());
        assertFalse(log.toString(StandardCharsets.UTF_8).contains(UPSTREAM_TOKEN), "the log shows an upstream credential");
    }

    @Test
    void aFederationOfAFederationWorks() throws Exception {
        Path file = Files.writeString(dir.resolve("outer.yaml"), """
                brokers:
                  - {name: inner, url: '%s', token: '%s', readTimeout: PT10S}
                """.formatted(federation.baseUrl(), USER_TOKEN));
        FrontServer outer = federate("outer", file);
        JsonNode set = offers(outer);
        assertEquals(Set.of("inner"), sites(set));
        Set<String> via = new HashSet<>();
        set.path("offers").forEach(o -> via.add(o.path("meta").path("federation").path("via").path("site").asString()));
        assertEquals(Set.of("cloud", "budget"), via);
        assertTrue(set.path("meta").path("messages").toString().contains("site slow is not in this answer"),
                "the inner federation's NO-shows are not lost: " + set);
        JsonNode first = set.path("offers").get(0);
        HttpResponse<String> accepted = send(first.path("meta").path("url").asString(), USER_TOKEN, accept("ACCEPTED"));
        assertEquals(200, accepted.statusCode(), accepted.body());
        String innerUrl = first.path("meta").path("federation").path("upstream").asString();
        assertNotEquals("OFFERED", JSON.readTree(send(innerUrl, USER_TOKEN, null).body()).path("phase").asString());
    }

    @Test
    void aNoFromEverySiteIsANoWithTheirReasons() throws Exception {
        String impossible = task() + "\ncompute:\n  kind: https://www.purl.org/ivoa.net/Calycopis-openapi/schema/v1.0/"
                + "kinds/compute/simple-compute-resource.yaml\n  cores: {min: 100000, max: 100000}\n";
        HttpResponse<String> r = send(federation.baseUrl() + "/requests", USER_TOKEN, impossible);
        assertEquals(303, r.statusCode(), r.body());
        JsonNode set = JSON.readTree(r.body());
        assertEquals("NO", set.path("result").asString(), r.body());
        String messages = set.path("meta").path("messages").toString();
        assertTrue(messages.contains("site cloud said NO") && messages.contains("site budget said NO"), messages);
    }

    @Test
    void anUpstreamUrlIsShownWithoutTheUserAndPasswordWrittenIntoIt() {
        assertEquals("https://broker.example.org/sessions/1",
                Federation.withoutUserInfo("https://me:s3cret@broker.example.org/sessions/1"));
        assertEquals("http://127.0.0.1:8080/sessions/1", Federation.withoutUserInfo("http://127.0.0.1:8080/sessions/1"));
    }

    @Test
    void upstreamsOfTheOlderProtocolsJoinTheSetAndAnSrcnetOfferIsAcceptedThroughTheFederation() throws Exception {
        Path file = Files.writeString(dir.resolve("older.yaml"), """
                brokers:
                  - {name: planner, url: '%s/canidothis', protocol: canidothis, token: '%s'}
                  - {name: srcnet, url: '%s', kind: srcnet-compute, token: '%s'}
                """.formatted(cloud.baseUrl(), UPSTREAM_TOKEN, cloud.baseUrl(), UPSTREAM_TOKEN));
        FrontServer older = federate("older", file);
        JsonNode set = offers(older);
        assertEquals(Set.of("planner", "srcnet"), sites(set), set.toString());
        JsonNode srcnet = null;
        for (JsonNode o : set.path("offers")) {
            if (o.path("meta").path("federation").path("site").asString().equals("srcnet")) {
                srcnet = o;
            }
        }
        assertTrue(srcnet.path("meta").path("messages").toString().contains("open offer"), srcnet.toString());
        HttpResponse<String> accepted = send(srcnet.path("meta").path("url").asString(), USER_TOKEN, accept("ACCEPTED"));
        assertEquals(200, accepted.statusCode(), accepted.body());
        String phase = JSON.readTree(accepted.body()).path("phase").asString();
        assertTrue(phase.matches("ACCEPTED|WAITING|PREPARING|AVAILABLE|RUNNING|COMPLETED"), accepted.body());
        assertTrue(JSON.readTree(accepted.body()).path("meta").path("federation").path("upstream").asString()
                .matches(".*/provision/[0-9a-f-]{36}/status"), accepted.body());
        HttpResponse<String> read = send(srcnet.path("meta").path("url").asString(), USER_TOKEN, null);
        assertEquals(200, read.statusCode(), "the job is read where it lives now: " + read.body());
    }

    @Test
    void directExecutionAndASessionsOutputsGoThroughTheFederation() throws Exception {
        io.orrery.client.WritingExecution writing = new io.orrery.client.WritingExecution(
                Files.createDirectories(dir.resolve("sessions")), Clock.systemUTC(), false);
        BrokerServer real = BrokerServer.start(BrokerServer.Options.of(PlatformCatalog.find("laptop").orElseThrow())
                .execution(writing));
        running.add(real);
        Path file = Files.writeString(dir.resolve("real.yaml"), """
                brokers:
                  - {name: laptop, url: '%s'}
                  - {name: dead, url: 'http://127.0.0.1:%d', connectTimeout: PT0.5S, readTimeout: PT1.5S}
                """.formatted(real.baseUrl(), dead));
        FrontServer f = federate("direct", file);
        HttpResponse<String> r = send(f.baseUrl() + "/direct", USER_TOKEN, task());
        assertEquals(303, r.statusCode(), r.body());
        JsonNode session = JSON.readTree(r.body());
        assertEquals("laptop", session.path("meta").path("federation").path("site").asString());
        assertTrue(session.path("phase").asString().matches("ACCEPTED|WAITING|PREPARING|AVAILABLE|RUNNING|COMPLETED"),
                r.body());
        String url = session.path("meta").path("url").asString();
        assertTrue(url.startsWith(f.baseUrl() + "/sessions/"), url);

        String[] stdout = {""};
        io.orrery.Await.until(java.time.Duration.ofSeconds(20), () -> {
            try {
                HttpResponse<String> out = send(url + "/connectors/stdout", USER_TOKEN, null);
                stdout[0] = out.statusCode() + " " + out.body();
                return out.statusCode() == 200 && out.body().contains(io.orrery.client.WritingExecution.LINE.strip());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "the session's stdout through the federation");
        JsonNode read = JSON.readTree(send(url, USER_TOKEN, null).body());
        for (JsonNode c : read.path("connectors")) {
            assertTrue(c.path("location").asString().startsWith(f.baseUrl() + "/sessions/"),
                    "connectors are read through the federation: " + c);
        }
        try (HttpBroker client = new HttpBroker(io.orrery.client.BrokerConfig.of("f", f.baseUrl())
                .withCredentials(io.orrery.client.Credentials.bearer(USER_TOKEN)), Clock.systemUTC())) {
            io.orrery.client.OutputChunk first = client.readOutput(url, "stdout", 0);
            assertTrue(new String(first.bytes(), StandardCharsets.UTF_8).contains(
                    io.orrery.client.WritingExecution.LINE.strip()), "a ranged read, as the monitor follows a log");
            io.orrery.client.OutputChunk rest = client.readOutput(url, "stdout", first.next());
            assertEquals(first.next(), rest.next() - rest.bytes().length, "the next read starts where the first ended");
        }
        HttpResponse<String> other = send(url + "/connectors/stdout", OTHER_TOKEN, null);
        assertTrue(other.statusCode() == 403 || other.statusCode() == 404, "another user reads nothing: " + other.body());
        assertEquals(401, send(url + "/connectors/stdout", null, null).statusCode());
    }
}
