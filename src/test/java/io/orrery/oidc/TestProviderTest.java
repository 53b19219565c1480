package io.orrery.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The loopback OpenID provider does what the OIDC tests rely on: device flow, code + PKCE, refresh, exchange, keys. */
class TestProviderTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TestProvider op;

    @BeforeAll
    static void start() {
        op = TestProvider.start("--access-ttl", "60");
    }

    @AfterAll
    static void stop() {
        if (op != null) {
            op.close();
        }
    }

    static JsonNode claims(String jwt) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    @Test
    void deviceFlowIssuesAJwtForTheBrokerAudienceWithTheAskedScopes() {
        JsonNode c = claims(op.deviceToken("bob", "openid eb:ask eb:accept", null));
        assertEquals("bob", c.get("sub").asString());
        assertEquals(TestProvider.DEFAULT_AUDIENCE, c.get("aud").asString());
        assertEquals(op.issuer().toString(), c.get("iss").asString());
        assertEquals("eb:ask eb:accept", c.get("scope").asString());
        assertTrue(c.get("exp").asLong() - c.get("iat").asLong() <= 60);
    }

    @Test
    void codeFlowWithPkceRedirectsToAnyLoopbackPortAndRefreshes() throws Exception {
        HttpServer listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        CompletableFuture<String> query = new CompletableFuture<>();
        listener.createContext("/callback", ex -> {
            query.complete(ex.getRequestURI().getRawQuery());
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        listener.start();
        try {
            String verifier = "a-verifier-of-enough-length-for-rfc-7636-0123456789";
            String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            String redirect = "http://127.0.0.1:" + listener.getAddress().getPort() + "/callback";
            URI auth = op.endpoint("/auth?client_id=orrery&response_type=code&prompt=consent&login_hint=carol"
                    + "&scope=" + enc("openid offline_access eb:ask") + "&redirect_uri=" + enc(redirect)
                    + "&code_challenge_method=S256&code_challenge=" + challenge + "&state=s1");
            TestProvider.browser().send(HttpRequest.newBuilder(auth).build(), HttpResponse.BodyHandlers.discarding());
            String q = query.get(10, TimeUnit.SECONDS);
            assertTrue(q.contains("state=s1"), q);
            String code = q.replaceFirst(".*code=([^&]+).*", "$1");
            JsonNode tokens = op.form("/token", Map.of("client_id", "orrery", "grant_type", "authorization_code",
                    "code", code, "redirect_uri", redirect, "code_verifier", verifier));
            assertEquals("carol", claims(tokens.get("access_token").asString()).get("sub").asString(), tokens.toString());
            JsonNode refreshed = op.form("/token", Map.of("client_id", "orrery", "grant_type", "refresh_token",
                    "refresh_token", tokens.get("refresh_token").asString()));
            assertEquals("eb:ask", claims(refreshed.get("access_token").asString()).get("scope").asString());
        } finally {
            listener.stop(0);
        }
    }

    @Test
    void tokenExchangeGivesATokenOfTheAskedAudienceAndANarrowerScope() {
        String subject = op.mint(Map.of("sub", "dave"), Duration.ofMinutes(1));
        JsonNode exchanged = op.form("/token", Map.of("client_id", "orrery",
                "grant_type", TestProvider.TOKEN_EXCHANGE_GRANT, "subject_token", subject,
                "subject_token_type", TestProvider.ACCESS_TOKEN_TYPE, "audience", "http://127.0.0.1:1/", "scope", "eb:ask"));
        JsonNode c = claims(exchanged.get("access_token").asString());
        assertEquals("dave", c.get("sub").asString());
        assertEquals("http://127.0.0.1:1/", c.get("aud").asString());
        assertEquals("eb:ask", c.get("scope").asString());
    }

    @Test
    void rotatingTheKeyPublishesTheNewKid() throws Exception {
        String kid = op.rotateKey();
        String jwks = TestProvider.browser().send(HttpRequest.newBuilder(op.endpoint("/jwks")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(jwks.contains(kid), jwks);
        String header = new String(Base64.getUrlDecoder().decode(
                op.deviceToken("alice", "eb:ask", null).split("\\.")[0]), StandardCharsets.UTF_8);
        assertTrue(header.contains(kid), header);
        assertNotEquals(kid, op.rotateKey());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
