package io.orrery.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Await;
import io.orrery.CliRun;
import io.orrery.cli.OrreryCommand;
import io.orrery.oidc.TestProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 'orrery login' against a real OpenID provider on loopback ({@link TestProvider}): the device flow (the test enters
 * the code through the provider's forms) and the browser flow (the test is the browser), the tokens kept 0600 and sent
 * to the broker as a bearer token, renewed once when the broker refuses one, and 'orrery logout'.
 */
class OidcLoginCliTest extends TempConfigCliTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theDeviceFlowSignsInAndCommandsSendTheToken() throws Exception {
        try (TestProvider op = TestProvider.start(); MockWebServer broker = new MockWebServer()) {
            broker.start(InetAddress.getLoopbackAddress(), 0);
            CliRun added = run("brokers", "add", "sso", broker.url("/").toString(), "--oidc-issuer",
                    op.issuer().toString(), "--client-id", TestProvider.CLIENT_ID);
            assertEquals(0, added.code(), added.err());
            assertTrue(added.out().contains("orrery login sso"), added.out());

            CliRun before = run("offers", sample("01-minimal-container.yaml"), "--broker", "sso");
            assertTrue((before.out() + before.err()).contains("run 'orrery login sso'"), before.out() + before.err());
            assertEquals(0, broker.getRequestCount(), "nothing is sent to the broker without a token");

            StringWriter out = new StringWriter();
            CompletableFuture<Integer> login = background(out, "login", "sso");
            Matcher code = await(out, Pattern.compile("enter the code (\\S+)"));
            assertTrue(op.approveDevice(code.group(1), "carol"), "the provider approves the code");
            assertEquals(0, login.get(60, TimeUnit.SECONDS), out.toString());
            assertTrue(out.toString().matches("(?s).*Signed in to sso as carol until \\d\\d:\\d\\d.*"), out.toString());
            Path tokens = config.resolve("tokens.json");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens)));

            // the broker refuses the first token once: the token is renewed and the question asked again
            Captures.Answer yes = Captures.yesWithWarnings();
            broker.enqueue(new MockResponse.Builder().code(401).body("{\"error\":\"expired\"}").build());
            broker.enqueue(new MockResponse.Builder().code(yes.status()).addHeader("Content-Type", yes.contentType())
                    .body(yes.body()).build());
            CliRun offers = run("offers", sample("01-minimal-container.yaml"), "--broker", "sso");
            assertEquals(0, offers.code(), offers.out() + offers.err());
            String first = bearer(broker.takeRequest(5, TimeUnit.SECONDS));
            String second = bearer(broker.takeRequest(5, TimeUnit.SECONDS));
            assertFalse(first.equals(second), "a refused token is renewed before the second try");
            assertEquals("carol", claims(second).path("sub").asString());
            assertTrue(Files.readString(tokens).contains(second), "the renewed token is kept");
            String shown = run("brokers", "list").out() + added.out() + offers.out() + offers.err() + out;
            assertFalse(shown.contains(first) || shown.contains(second), "tokens are never shown");
            assertTrue(run("brokers", "list").out().contains("OIDC at " + op.issuer()), run("brokers", "list").out());

            CliRun logout = run("logout", "sso");
            assertEquals("Signed out of sso", logout.out().strip());
            assertFalse(Files.readString(tokens).contains(second), "logout forgets the tokens");
            CliRun after = run("offers", sample("01-minimal-container.yaml"), "--broker", "sso");
            assertTrue((after.out() + after.err()).contains("run 'orrery login sso'"), after.out() + after.err());
            HttpBroker.closeIdleConnections();
        }
    }

    @Test
    void theBrowserFlowSignsInThroughTheLoopbackRedirect() throws Exception {
        try (TestProvider op = TestProvider.start()) {
            assertEquals(0, run("brokers", "add", "sso", "http://127.0.0.1:1/", "--oidc-issuer", op.issuer().toString(),
                    "--client-id", TestProvider.CLIENT_ID).code());
            StringWriter out = new StringWriter();
            CompletableFuture<Integer> login = background(out, "login", "sso", "--browser", "--no-open");
            Matcher url = await(out, Pattern.compile("Open this address in a browser to sign in to sso: (\\S+)"));
            HttpResponse<String> page = TestProvider.browser().send(HttpRequest.newBuilder(URI.create(url.group(1)))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(page.body().contains("Signed in"), page.body());
            assertEquals(0, login.get(60, TimeUnit.SECONDS), out.toString());
            assertTrue(out.toString().contains("Signed in to sso as alice until"), out.toString());
        }
    }

    @Test
    void loginSaysWhatIsMissing() {
        assertEquals(0, run("brokers", "add", "plain", "http://127.0.0.1:1/").code());
        CliRun plain = run("login", "plain");
        assertEquals(2, plain.code());
        assertTrue(plain.err().contains("plain names no OpenID issuer"), plain.err());
        assertEquals(2, run("login", "nobody").code());
        CliRun half = run("brokers", "add", "half", "http://127.0.0.1:1/", "--oidc-issuer", "http://127.0.0.1:2/");
        assertEquals(2, half.code());
        assertTrue(half.err().contains("client id"), half.err());
    }

    private static CompletableFuture<Integer> background(StringWriter out, String... args) {
        CommandLine cl = OrreryCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        return CompletableFuture.supplyAsync(() -> cl.execute(args));
    }

    private static Matcher await(StringWriter out, Pattern p) {
        Await.until(Duration.ofSeconds(30), () -> p.matcher(out.toString()).find(), "the command prints " + p);
        Matcher m = p.matcher(out.toString());
        assertTrue(m.find());
        return m;
    }

    private static String bearer(RecordedRequest r) {
        String auth = r.getHeaders().get("Authorization");
        assertTrue(auth != null && auth.startsWith("Bearer "), "a bearer token is sent");
        return auth.substring("Bearer ".length());
    }

    private static JsonNode claims(String jwt) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
