package io.orrery.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Await;
import io.orrery.CliRun;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.cli.OrreryCommand;
import io.orrery.oidc.TestProvider;
import io.orrery.server.BrokerServer;
import io.orrery.server.OidcOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole way: 'orrery login' with the device flow at a real OpenID provider on loopback, then offers, accept,
 * watch and cancel against a real 'orrery serve --oidc-issuer' that wants tokens of its own audience (obtained by
 * token exchange) and checks their scopes.
 */
class OidcServeCliTest extends TempConfigCliTest {
    private static final String AUDIENCE = "https://broker.test/eb";

    @Test
    void signedInCommandsAskAcceptWatchAndCancel() throws Exception {
        try (TestProvider op = TestProvider.start(); BrokerServer server = BrokerServer.start(BrokerServer.Options
                .of(PlatformCatalog.find("cloud").orElseThrow())
                .oidc(new OidcOptions(op.issuer().toString(), AUDIENCE, "sub")))) {
            assertEquals(0, run("brokers", "add", "sso", server.baseUrl(), "--oidc-issuer", op.issuer().toString(),
                    "--client-id", TestProvider.CLIENT_ID, "--audience", AUDIENCE).code());
            signIn(op, "sso", "carol");

            String offer = firstOffer("sso");
            CliRun accept = run("accept", offer);
            assertEquals(0, accept.code(), accept.out() + accept.err());
            StringWriter watched = new StringWriter();
            CommandLine watch = OrreryCommand.commandLine();
            watch.setOut(new PrintWriter(watched, true));
            watch.setErr(new PrintWriter(watched, true));
            CompletableFuture<Integer> watching = CompletableFuture.supplyAsync(
                    () -> watch.execute("watch", offer, "--interval", "PT0.05S"));
            Await.until(Duration.ofSeconds(20), () -> watched.toString().contains("ACCEPTED")
                    || watched.toString().contains("WAITING"), "watch reads the session");
            CliRun cancel = run("cancel", offer);
            assertEquals(0, cancel.code(), cancel.out() + cancel.err());
            assertTrue(cancel.out().contains("CANCELLED"), cancel.out());
            assertEquals(1, watching.get(20, TimeUnit.SECONDS), watched.toString());
            assertTrue(watched.toString().contains("CANCELLED"), watched.toString());

            // a sign-in without eb:accept may ask but not accept: the broker's 403 is said (the first entry goes, as
            // commands given a URL take the credentials of the first broker at that address)
            assertEquals(0, run("brokers", "remove", "sso").code());
            assertEquals(0, run("brokers", "add", "askonly", server.baseUrl(), "--oidc-issuer", op.issuer().toString(),
                    "--client-id", TestProvider.CLIENT_ID, "--audience", AUDIENCE, "--scope",
                    "openid offline_access eb:ask").code());
            signIn(op, "askonly", "carol");
            CliRun refused = run("accept", firstOffer("askonly"));
            assertEquals(1, refused.code(), refused.out() + refused.err());
            assertTrue((refused.out() + refused.err()).contains("403"), refused.out() + refused.err());
            HttpBroker.closeIdleConnections();
        }
    }

    private void signIn(TestProvider op, String broker, String login) throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cl = OrreryCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        CompletableFuture<Integer> login1 = CompletableFuture.supplyAsync(() -> cl.execute("login", broker));
        Pattern code = Pattern.compile("enter the code (\\S+)");
        Await.until(Duration.ofSeconds(30), () -> code.matcher(out.toString()).find(), "login prints the code");
        Matcher m = code.matcher(out.toString());
        assertTrue(m.find());
        assertTrue(op.approveDevice(m.group(1), login));
        assertEquals(0, login1.get(60, TimeUnit.SECONDS), out.toString());
    }

    private String firstOffer(String broker) {
        CliRun offers = run("offers", sample("01-minimal-container.yaml"), "--broker", broker, "--json");
        assertEquals(0, offers.code(), offers.out() + offers.err());
        String url = JsonMapper.builder().build().readTree(offers.out()).path("offers").get(0).path("url").asString();
        assertFalse(url.isEmpty(), offers.out());
        return url;
    }
}
