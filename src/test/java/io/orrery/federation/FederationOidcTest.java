package io.orrery.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.client.BrokerRegistry;
import io.orrery.client.HttpBroker;
import io.orrery.oidc.TestProvider;
import io.orrery.server.BrokerServer;
import io.orrery.server.FrontServer;
import io.orrery.server.OidcOptions;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code serve --federate FILE --oidc-issuer URL}: the federation's users sign in with the issuer's tokens too. */
class FederationOidcTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> send(String url, String token, String body) throws Exception {
        return FrontCall.send(http, url, token, body);
    }

    @Test
    void aTokenOfTheIssuerAsksThroughTheFederationAndItsScopesHold() throws Exception {
        try (TestProvider op = TestProvider.start();
                BrokerServer budget = BrokerServer.start(BrokerServer.Options.of(PlatformCatalog.find("budget").orElseThrow()))) {
            Path file = Files.writeString(dir.resolve("upstreams.yaml"),
                    "brokers:\n  - {name: budget, url: '" + budget.baseUrl() + "', readTimeout: PT10S}\n");
            var upstreams = BrokerRegistry.loadFile(file).all();
            try (FrontServer front = FrontServer.start(FrontServer.Options.loopback()
                    .oidc(new OidcOptions(op.issuer().toString(), TestProvider.DEFAULT_AUDIENCE, null)),
                    base -> new Federation("federation", base, upstreams, Clock.systemUTC()))) {
                String task = Files.readString(Path.of("sample-tasks", "01-minimal-container.yaml"));
                HttpResponse<String> anonymous = send(front.baseUrl() + "/requests", null, task);
                assertEquals(401, anonymous.statusCode());
                assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
                String asker = op.deviceToken("alice", "eb:ask", null);
                HttpResponse<String> asked = send(front.baseUrl() + "/requests", asker, task);
                assertEquals(303, asked.statusCode(), asked.body());
                JsonNode set = JSON.readTree(asked.body());
                String offer = set.path("offers").get(0).path("meta").path("url").asString();
                HttpResponse<String> accept = send(offer, asker, "{kind: uri:enum-value-update, path: phase, value: ACCEPTED}");
                assertEquals(403, accept.statusCode(), accept.body());
                assertTrue(accept.headers().firstValue("WWW-Authenticate").orElse("").contains("insufficient_scope"));
                String accepter = op.deviceToken("alice", "eb:ask eb:accept", null);
                assertEquals(200, send(offer, accepter, "{kind: uri:enum-value-update, path: phase, value: ACCEPTED}")
                        .statusCode());
                String description = send(front.baseUrl() + "/", null, null).body();
                assertTrue(description.contains("\"oidc\"") && description.contains(op.issuer().toString()), description);
                assertTrue(front.authentication().contains("oidc"), front.authentication());
            } finally {
                HttpBroker.closeIdleConnections();
            }
        }
    }
}
