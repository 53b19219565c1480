package io.orrery.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.model.ExecutionSession;
import io.orrery.model.OfferSet;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expiry on the real clock, persistence across a restart, and authentication. */
class ServerStateTest {
    private static final String YAML = "application/yaml";
    private static final String ACCEPT = "kind: uri:enum-value-update\npath: phase\nvalue: ACCEPTED\n";

    @TempDir
    Path dir;

    private static OfferSet offers(Http http) throws IOException {
        HttpResponse<String> r = http.post("/requests", YAML, YAML, ServerApiTest.sample("01-minimal-container.yaml"));
        assertEquals(303, r.statusCode(), r.body());
        return WireCodec.readAs(r.body(), Format.YAML, OfferSet.class);
    }

    @Test
    void offersExpireOnTheRealClock() throws Exception {
        try (BrokerServer server = BrokerServer.start(BrokerServer.Options.of(PlatformCatalog.find("laptop").orElseThrow())
                .offerLifetime(Duration.ofMillis(300)))) {
            Http http = new Http(server.baseUrl());
            OfferSet set = offers(http);
            String url = set.offers().get(0).meta().url();
            io.orrery.Await.until(Duration.ofSeconds(10), () -> "EXPIRED".equals(WireCodec.readAs(http.get(url, YAML).body(),
                    Format.YAML, ExecutionSession.class).phase()), "the offer expires on the real clock");
            HttpResponse<String> late = http.post(url, YAML, YAML, ACCEPT);
            assertEquals(409, late.statusCode());
            assertTrue(late.body().contains("EXPIRED"), late.body());
        }
    }

    @Test
    void acceptedSessionsSurviveARestart() throws Exception {
        String url;
        String rejected;
        BrokerServer.Options options = BrokerServer.Options.of(PlatformCatalog.find("laptop").orElseThrow()).data(dir);
        try (BrokerServer server = BrokerServer.start(options)) {
            Http http = new Http(server.baseUrl());
            OfferSet set = offers(http);
            url = set.offers().get(0).meta().url().replace(server.baseUrl(), "");
            rejected = set.offers().get(1).meta().url().replace(server.baseUrl(), "");
            assertEquals(200, http.post(url, YAML, YAML, ACCEPT).statusCode());
        }
        try (BrokerServer server = BrokerServer.start(options)) {
            Http http = new Http(server.baseUrl());
            ExecutionSession s = WireCodec.readAs(http.get(url, YAML).body(), Format.YAML, ExecutionSession.class);
            assertTrue(java.util.Set.of("ACCEPTED", "WAITING", "PREPARING", "AVAILABLE", "RUNNING").contains(s.phase()),
                    s.phase());
            assertEquals("REJECTED", WireCodec.readAs(http.get(rejected, YAML).body(), Format.YAML,
                    ExecutionSession.class).phase());
            assertTrue((boolean) server.core().inspect(cal -> cal.contains(url.substring("/sessions/".length()))),
                    "the accepted session holds its capacity again");
        }
    }

    @Test
    void tokensAndAccountsAndOwnership() throws Exception {
        Path tokens = dir.resolve("tokens");
        Files.writeString(tokens, "# name token\nalice s3cret-alice-token\nbob s3cret-bob-token\n");
        Path users = dir.resolve("users");
        Files.writeString(users, "carol:" + PasswordHash.hash("carol-password".toCharArray()) + "\n");
        try (BrokerServer server = BrokerServer.start(BrokerServer.Options.of(PlatformCatalog.find("laptop").orElseThrow())
                .auth(tokens, users))) {
            Http anonymous = new Http(server.baseUrl());
            HttpResponse<String> refused = anonymous.post("/requests", YAML, YAML, ServerApiTest.sample("01-minimal-container.yaml"));
            assertEquals(401, refused.statusCode());
            assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
            assertEquals(401, anonymous.bearer("wrong").get("/sessions/5b3e0e44-0000-4000-8000-000000000000", YAML).statusCode());
            assertEquals(200, anonymous.get("/", YAML).statusCode(), "the description is public");
            OfferSet aliceSet = offers(anonymous.bearer("s3cret-alice-token"));
            String url = aliceSet.offers().get(0).meta().url();
            HttpResponse<String> bob = anonymous.bearer("s3cret-bob-token").post(url, YAML, YAML, ACCEPT);
            assertEquals(404, bob.statusCode(), "another user's offer is not found, as an unknown one");
            assertTrue(bob.body().contains("no session"), bob.body());
            assertEquals(404, anonymous.basic("carol", "carol-password").get(url, YAML).statusCode());
            assertEquals(401, anonymous.basic("carol", "wrong-password").get(url, YAML).statusCode());
            assertEquals(200, anonymous.bearer("s3cret-alice-token").post(url, YAML, YAML, ACCEPT).statusCode());
            OfferSet carolSet = offers(anonymous.basic("carol", "carol-password"));
            assertEquals(200, anonymous.basic("carol", "carol-password").get(carolSet.meta().url(), YAML).statusCode());
        }
    }
}
