package io.orrery.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.model.OfferSet;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import io.orrery.oidc.TestProvider;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code orrery serve --oidc-issuer}: JWT access tokens of a real OpenID provider on loopback (oidc-provider). */
class OidcServeTest {
    private static final String YAML = "application/yaml";
    private static final String ACCEPT = "kind: uri:enum-value-update\npath: phase\nvalue: ACCEPTED\n";
    private static final String CANCEL = "kind: uri:enum-value-update\npath: phase\nvalue: CANCELLED\n";
    private static TestProvider op;

    @TempDir
    Path dir;

    @BeforeAll
    static void startProvider() {
        op = TestProvider.start("--access-ttl", "120");
    }

    @AfterAll
    static void stopProvider() {
        if (op != null) {
            op.close();
        }
    }

    private static BrokerServer broker(OidcOptions oidc, Path tokens) throws IOException {
        return BrokerServer.start(BrokerServer.Options.of(PlatformCatalog.find("laptop").orElseThrow())
                .auth(tokens, null).oidc(oidc));
    }

    private static BrokerServer broker() throws IOException {
        return broker(OidcOptions.of(op.issuer().toString()), null);
    }

    private static OfferSet offers(Http http) throws IOException {
        HttpResponse<String> r = http.post("/requests", YAML, YAML, ServerApiTest.sample("01-minimal-container.yaml"));
        assertEquals(303, r.statusCode(), r.body());
        return WireCodec.readAs(r.body(), Format.YAML, OfferSet.class);
    }

    private static String challenge(HttpResponse<String> r) {
        return r.headers().firstValue("WWW-Authenticate").orElse("");
    }

    private static void refused(HttpResponse<String> r, String token, String reason) {
        assertEquals(401, r.statusCode(), r.body());
        assertTrue(challenge(r).startsWith("Bearer ") && challenge(r).contains("error=\"invalid_token\""), challenge(r));
        assertTrue(challenge(r).contains("error_description=\""), challenge(r));
        assertTrue(r.body().contains(reason), reason + " in " + r.body());
        assertFalse(r.body().contains(token) || challenge(r).contains(token), "the answer never quotes the token");
    }

    @Test
    void aTokenOfTheIssuerAsksAcceptsAndReadsAsItsSubject() throws Exception {
        try (BrokerServer server = broker()) {
            Http alice = new Http(server.baseUrl()).bearer(op.deviceToken("alice", "openid eb:ask eb:accept",
                    server.baseUrl()));
            OfferSet set = offers(alice);
            String id = set.meta().uuid();
            assertEquals("alice", server.core().owner(id).orElseThrow(), "the owner is the token's sub");
            assertEquals(200, alice.get(set.meta().url(), YAML).statusCode());
            String offer = set.offers().get(0).meta().url();
            HttpResponse<String> accepted = alice.post(offer, YAML, YAML, ACCEPT);
            assertEquals(200, accepted.statusCode(), accepted.body());
            assertEquals(200, alice.get(offer, YAML).statusCode());
            Http bob = new Http(server.baseUrl()).bearer(op.deviceToken("bob", "eb:ask eb:accept", server.baseUrl()));
            int other = bob.get(offer, YAML).statusCode();
            assertTrue(other == 403 || other == 404, "another subject cannot read alice's session: " + other);
            HttpResponse<String> anonymous = new Http(server.baseUrl()).get(offer, YAML);
            assertEquals(401, anonymous.statusCode());
            assertTrue(challenge(anonymous).startsWith("Bearer realm=\"orrery\""), challenge(anonymous));
        }
    }

    @Test
    void expiredWrongAudienceAndBadlySignedTokensAreRefusedWithTheReason() throws Exception {
        try (BrokerServer server = broker()) {
            Http http = new Http(server.baseUrl());
            String aud = server.baseUrl();
            String expired = op.mint(Map.of("aud", aud), Duration.ofMinutes(-5));
            refused(http.bearer(expired).post("/requests", YAML, YAML, ServerApiTest.sample("01-minimal-container.yaml")),
                    expired, "expired");
            String elsewhere = op.deviceToken("alice", "eb:ask", null);
            refused(http.bearer(elsewhere).get("/usage", YAML), elsewhere, "audience");
            String forged = op.forge(Map.of("aud", aud), Duration.ofMinutes(5));
            refused(http.bearer(forged).get("/usage", YAML), forged, "signature");
            String good = op.mint(Map.of("aud", aud), Duration.ofMinutes(5));
            assertEquals(200, http.bearer(good).get("/usage", YAML).statusCode());
            String[] parts = good.split("\\.");
            String tampered = parts[0] + "." + op.mint(Map.of("aud", aud, "sub", "mallory"), Duration.ofMinutes(5))
                    .split("\\.")[1] + "." + parts[2];
            refused(http.bearer(tampered).get("/usage", YAML), tampered, "signature");
            String early = op.mint(Map.of("aud", aud, "nbf", Instant.now().plusSeconds(600).getEpochSecond()),
                    Duration.ofMinutes(20));
            refused(http.bearer(early).get("/usage", YAML), early, "not valid yet");
            String otherIssuer = op.mint(Map.of("aud", aud, "iss", "https://idp.example.org"), Duration.ofMinutes(5));
            refused(http.bearer(otherIssuer).get("/usage", YAML), otherIssuer, "iss");
        }
    }

    @Test
    void aTokenWithoutTheAcceptScopeCanAskButNotAccept() throws Exception {
        try (BrokerServer server = broker()) {
            Http asker = new Http(server.baseUrl()).bearer(op.deviceToken("carol", "eb:ask", server.baseUrl()));
            OfferSet set = offers(asker);
            HttpResponse<String> accept = asker.post(set.offers().get(0).meta().url(), YAML, YAML, ACCEPT);
            assertEquals(403, accept.statusCode(), accept.body());
            assertEquals("Bearer realm=\"orrery\", error=\"insufficient_scope\", scope=\"eb:accept\"", challenge(accept));
            assertTrue(accept.body().contains("eb:accept"), accept.body());
            Http canceller = new Http(server.baseUrl()).bearer(op.mint(Map.of("sub", "carol", "aud", server.baseUrl(),
                    "scope", "eb:cancel"), Duration.ofMinutes(5)));
            assertEquals(403, canceller.post("/requests", YAML, YAML, ServerApiTest.sample("01-minimal-container.yaml"))
                    .statusCode(), "asking needs eb:ask");
            HttpResponse<String> cancelled = canceller.post(set.offers().get(1).meta().url(), YAML, YAML, CANCEL);
            assertEquals(200, cancelled.statusCode(), cancelled.body());
            assertEquals(403, canceller.post(set.offers().get(0).meta().url(), YAML, YAML, ACCEPT).statusCode());
        }
    }

    @Test
    void afterTheIssuerRotatesItsKeyNewTokensAreAccepted() throws Exception {
        try (BrokerServer server = broker()) {
            Http http = new Http(server.baseUrl());
            assertEquals(200, http.bearer(op.deviceToken("dave", "eb:ask", server.baseUrl())).get("/usage", YAML)
                    .statusCode());
            op.rotateKey();
            HttpResponse<String> after = http.bearer(op.deviceToken("dave", "eb:ask", server.baseUrl()))
                    .get("/usage", YAML);
            assertEquals(200, after.statusCode(), "a token signed with the new key: " + after.body());
        }
    }

    @Test
    void staticTokensKeepEveryScopeBesideTheIssuerAndAFixedAudienceCanBeSet() throws Exception {
        Path tokens = Files.writeString(dir.resolve("tokens"), "erin s3cret-erin-token\n");
        OidcOptions fixed = new OidcOptions(op.issuer().toString(), TestProvider.DEFAULT_AUDIENCE, "email");
        try (BrokerServer server = broker(fixed, tokens)) {
            Http erin = new Http(server.baseUrl()).bearer("s3cret-erin-token");
            OfferSet set = offers(erin);
            assertEquals(200, erin.post(set.offers().get(0).meta().url(), YAML, YAML, ACCEPT).statusCode());
            assertEquals(401, new Http(server.baseUrl()).bearer("not-a-known-token").get("/usage", YAML).statusCode());
            Http frank = new Http(server.baseUrl()).bearer(op.mint(Map.of("sub", "f-123", "email", "frank@example.org"),
                    Duration.ofMinutes(5)));
            assertEquals("frank@example.org", server.core().owner(offers(frank).meta().uuid()).orElseThrow(),
                    "the owner is the configured claim");
            HttpResponse<String> noClaim = new Http(server.baseUrl()).bearer(op.mint(Map.of(), Duration.ofMinutes(5)))
                    .get("/usage", YAML);
            assertEquals(401, noClaim.statusCode());
            assertTrue(noClaim.body().contains("'email'"), noClaim.body());
            String description = new Http(server.baseUrl()).get("/", "application/json").body();
            assertTrue(description.contains("\"authentication\":\"oidc+bearer\""), description);
            assertTrue(description.contains("\"issuer\":\"" + op.issuer() + "\"") && description.contains("eb:accept"),
                    description);
            assertTrue(server.startupLine().contains("authentication: oidc+bearer"), server.startupLine());
        }
    }

    @Test
    void theIssuerMustBeHttpsUnlessOnLoopback() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> OidcOptions.of("http://idp.example.org"));
        assertTrue(e.getMessage().contains("https"), e.getMessage());
        assertEquals("sub", OidcOptions.of("https://idp.example.org/realms/x").ownerClaim());
    }
}
