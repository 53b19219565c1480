package io.orrery.client.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Await;
import io.orrery.oidc.TestProvider;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sign-in flows against a real OpenID provider on loopback (oidc-provider, {@link TestProvider}): the device
 * grant, authorization code with PKCE on a loopback redirect (the test plays the browser), refresh across a real
 * expiry, and token exchange for a broker's audience.
 */
class SignInFlowsTest {
    private static final String SCOPE = OidcSettings.DEFAULT_SCOPE;

    @TempDir
    Path config;

    @Test
    void theDeviceGrantSignsInOnceTheUserHasEnteredTheCode() {
        try (TestProvider op = TestProvider.start()) {
            IssuerClient client = client(op);
            DeviceFlow flow = DeviceFlow.start(client);
            assertTrue(flow.prompt().verificationUri().startsWith(op.issuer().toString()), flow.prompt().toString());
            CompletableFuture<TokenSet> waiting = CompletableFuture.supplyAsync(flow::await);
            assertFalse(waiting.isDone(), "polls while the user has not answered (authorization_pending)");
            assertTrue(op.approveDevice(flow.prompt().userCode(), "carol"));
            TokenSet t = waiting.join();
            assertEquals("carol", t.subject());
            assertNotNull(t.refresh(), "offline_access gives a refresh token");
            assertEquals(TestProvider.DEFAULT_AUDIENCE, claims(t.access()).path("aud").asString());
        }
    }

    @Test
    void aDeniedOrCancelledDeviceSignInSaysSo() {
        try (TestProvider op = TestProvider.start()) {
            IssuerClient client = client(op);
            DeviceFlow flow = DeviceFlow.start(client);
            CompletableFuture<TokenSet> waiting = CompletableFuture.supplyAsync(flow::await);
            flow.cancel();
            OidcException e = assertThrows(OidcException.class, () -> {
                try {
                    waiting.join();
                } catch (java.util.concurrent.CompletionException c) {
                    throw c.getCause();
                }
            });
            assertEquals("sign-in cancelled", e.getMessage());
        }
    }

    @Test
    void theBrowserFlowComesBackToTheLoopbackPortWithTheCode() throws Exception {
        try (TestProvider op = TestProvider.start()) {
            IssuerClient client = client(op);
            LoopbackFlow flow = LoopbackFlow.start(client);
            URI url = flow.url();
            assertTrue(url.getQuery().contains("code_challenge_method=S256"), url.toString());
            assertTrue(url.getQuery().contains("redirect_uri=http://127.0.0.1:"), url.toString());
            // the test is the browser: the provider signs in at once and redirects to our loopback port
            HttpResponse<String> page = TestProvider.browser().send(HttpRequest.newBuilder(url).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("Signed in"), page.body());
            TokenSet t = flow.await(Duration.ofSeconds(30));
            assertEquals("alice", t.subject());
            assertNotNull(t.refresh(), "offline_access with prompt=consent gives a refresh token");
        }
    }

    @Test
    void aRedirectWithAnotherStateIsRefused() throws Exception {
        try (TestProvider op = TestProvider.start()) {
            IssuerClient client = client(op);
            LoopbackFlow flow = LoopbackFlow.start(client);
            String redirect = flow.url().getQuery().replaceAll(".*redirect_uri=([^&]*).*", "$1");
            HttpResponse<String> forged = TestProvider.browser().send(HttpRequest.newBuilder(
                    URI.create(redirect + "?code=stolen&state=guessed")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(forged.body().contains("state differs"), forged.body());
            OidcException e = assertThrows(OidcException.class, () -> flow.await(Duration.ofSeconds(30)));
            assertTrue(e.getMessage().contains("another sign-in's state"), e.getMessage());
        }
    }

    @Test
    void tokensAreRenewedAcrossARealExpiryAndKeptOwnerOnly() {
        try (TestProvider op = TestProvider.start("--access-ttl", "3")) {
            OidcSettings settings = new OidcSettings(op.issuer().toString(), TestProvider.CLIENT_ID, SCOPE, null);
            FileTokenStore store = new FileTokenStore(config.resolve("tokens.json"));
            OidcSession session = new OidcSession("sso", settings, store, Clock.systemUTC());
            assertThrows(OidcException.class, session::token, "not signed in yet");
            DeviceFlow flow = DeviceFlow.start(session.client());
            assertTrue(op.approveDevice(flow.prompt().userCode(), "dave"));
            TokenSet first = session.signedIn(flow.await());
            Await.until(Duration.ofSeconds(30), () -> Instant.now().isAfter(first.expires()), "the token expires");

            String renewed = session.token();
            assertFalse(first.access().equals(renewed), "an expired token is renewed with the refresh token");
            JsonNode c = claims(renewed);
            assertEquals("dave", c.path("sub").asString());
            assertTrue(Instant.ofEpochSecond(c.path("exp").asLong()).isAfter(Instant.now()), c.toString());
            TokenSet kept = store.load("sso").orElseThrow();
            assertTrue(renewed.equals(kept.access()), "the renewed tokens are kept");
            assertFalse(first.refresh().equals(kept.refresh()), "the provider rotates refresh tokens");
            assertEquals("rw-------", permissions(config.resolve("tokens.json")));

            String again = session.renewed(renewed);
            assertFalse(renewed.equals(again), "a token the broker refused is renewed once");
            assertTrue(again.equals(session.renewed(renewed)), "a token already renewed by another call is not renewed"
                    + " twice");
        }
    }

    @Test
    void tokenExchangeGivesATokenOfTheBrokersAudience() {
        try (TestProvider op = TestProvider.start()) {
            String audience = "https://broker.example.org/eb";
            OidcSettings settings = new OidcSettings(op.issuer().toString(), TestProvider.CLIENT_ID,
                    SCOPE, audience);
            OidcSession session = new OidcSession("sso", settings, new FileTokenStore(config.resolve("tokens.json")),
                    Clock.systemUTC());
            assertTrue(session.client().discovery().tokenExchange(), "the provider offers token exchange");
            DeviceFlow flow = DeviceFlow.start(session.client());
            assertTrue(op.approveDevice(flow.prompt().userCode(), "erin"));
            TokenSet t = session.signedIn(flow.await());
            assertEquals(TestProvider.DEFAULT_AUDIENCE, claims(t.access()).path("aud").asString(),
                    "the sign-in token is the provider's default audience");
            JsonNode c = claims(session.token());
            assertEquals(audience, c.path("aud").isArray() ? c.path("aud").get(0).asString() : c.path("aud").asString());
            assertEquals("erin", c.path("sub").asString());
            assertTrue(session.token().equals(session.token()), "the exchanged token is kept while it is fresh");
        }
    }

    private static IssuerClient client(TestProvider op) {
        return new IssuerClient(new OidcSettings(op.issuer().toString(), TestProvider.CLIENT_ID, SCOPE, null));
    }

    static JsonNode claims(String jwt) {
        return JsonMapper.builder().build().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static String permissions(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
