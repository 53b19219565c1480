package io.orrery.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.client.BrokerConfig;
import io.orrery.client.Captures;
import io.orrery.client.HttpBroker;
import io.orrery.server.BrokerServer;
import io.orrery.server.FrontServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A federation whose upstream is the reference broker as captured (its answers replayed over HTTP on loopback, its
 * URLs pointed at the replay), beside a live Orrery broker: the reference offers join the one offer set, and a
 * session read through the federation reaches the replay.
 */
class FederatedCapturesTest {
    private static final String CAPTURED_BASE = "http://127.0.0.1:8091";
    private static final String OFFER = "32cd0375-94a5-4272-a4b1-259c5d0ec6ed";
    private HttpServer replay;
    private BrokerServer budget;
    private FrontServer federation;

    @BeforeEach
    void start() throws Exception {
        replay = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = "http://127.0.0.1:" + replay.getAddress().getPort();
        Map<String, Captures.Answer> answers = new HashMap<>();
        answers.put("POST /requests", Captures.response("calycopis-2026-08/03-requests-post-docker-compute-schedule-json-alpha.txt"));
        answers.put("GET /sessions/" + OFFER, Captures.response("calycopis-2026-08/09-session-get-offer-yaml.txt"));
        replay.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            Captures.Answer a = answers.get(ex.getRequestMethod() + " " + ex.getRequestURI().getPath());
            byte[] body = (a == null ? "{}" : a.body().replace(CAPTURED_BASE, base)).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", a == null ? "application/json" : a.contentType());
            ex.sendResponseHeaders(a == null ? 404 : a.status(), body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        replay.start();
        budget = BrokerServer.start(BrokerServer.Options.of(PlatformCatalog.find("budget").orElseThrow()));
        List<BrokerConfig> upstreams = List.of(BrokerConfig.of("calycopis", base), BrokerConfig.of("budget", budget.baseUrl()));
        federation = FrontServer.start(FrontServer.Options.loopback(),
                b -> new Federation("federation", b, upstreams, Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        HttpBroker.closeIdleConnections();
        federation.close();
        budget.close();
        replay.stop(0);
    }

    @Test
    void theReferenceBrokersCapturedOffersJoinTheSetAndTheirSessionsReadThrough() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String task = Files.readString(Path.of(System.getProperty("orrery.samples", "sample-tasks"),
                "01-minimal-container.yaml"));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(federation.baseUrl() + "/requests"))
                .header("Content-Type", "application/yaml").header("Accept", "application/json")
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(task)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, r.statusCode(), r.body());
        JsonNode set = new ObjectMapper().readTree(r.body());
        int calycopis = 0;
        int fromBudget = 0;
        String captured = null;
        for (JsonNode o : set.path("offers")) {
            String site = o.path("meta").path("federation").path("site").asString();
            calycopis += site.equals("calycopis") ? 1 : 0;
            fromBudget += site.equals("budget") ? 1 : 0;
            if (o.path("meta").path("federation").path("upstream").asString().endsWith("/sessions/" + OFFER)) {
                captured = o.path("meta").path("url").asString();
            }
        }
        assertEquals(3, calycopis, "the three captured offers: " + set);
        assertTrue(fromBudget > 0, set.toString());
        assertTrue(captured != null && captured.startsWith(federation.baseUrl()), set.toString());
        HttpResponse<String> s = http.send(HttpRequest.newBuilder(URI.create(captured)).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, s.statusCode(), s.body());
        JsonNode session = new ObjectMapper().readTree(s.body());
        assertEquals("OFFERED", session.path("phase").asString());
        assertEquals(captured, session.path("meta").path("url").asString());
        assertEquals("calycopis", session.path("meta").path("federation").path("site").asString());
    }
}
