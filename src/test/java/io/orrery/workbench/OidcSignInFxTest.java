package io.orrery.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.oidc.TestProvider;
import io.orrery.workbench.brokers.BrokerEntry;
import io.orrery.workbench.brokers.SignInState;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, headless, signing in to a broker whose users sign in at an OpenID provider (a real one on
 * loopback): the row offers "sign in…", a click starts the browser flow (PKCE on a loopback redirect) and, with no
 * browser to open, the status line gives the address; the test is the browser; the row then says who is signed in.
 */
@ExtendWith(ApplicationExtension.class)
class OidcSignInFxTest {
    @TempDir
    static Path config;
    private static TestProvider provider;

    private Workbench wb;

    @BeforeAll
    static void startProvider() {
        provider = TestProvider.start();
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory(config, "run");
        Files.writeString(dir.resolve("brokers.yaml"), """
                brokers:
                  - name: site
                    url: http://127.0.0.1:9
                    oidc: {issuer: '%s', clientId: orrery, scope: 'openid offline_access eb:ask eb:accept eb:cancel'}
                """.formatted(provider.issuer()));
        wb = new Workbench(stage, dir);
        stage.show();
    }

    @AfterEach
    void closeIt(FxRobot robot) {
        robot.interact(wb::close);
    }

    private static String status(Workbench wb) throws Exception {
        return OnFx.call(() -> wb.scene().lookup("#statusLabel") instanceof javafx.scene.control.Label l ? l.getText() : "");
    }

    private static Hyperlink link(FxRobot robot) {
        var all = robot.lookup(".hyperlink").queryAllAs(Hyperlink.class);
        return all.stream().filter(h -> shown(h) && h.getText().contains("sign")).findFirst()
                .orElseThrow(() -> new AssertionError("no sign-in link among " + all.stream().map(h -> h.getText()
                        + (h.isVisible() ? "" : " (hidden)")).toList()));
    }

    /** Visible with all its parents (a list keeps a hidden cell of its own for measuring). */
    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theRowSignsInThroughTheBrowserFlowAndSaysWho(FxRobot robot) throws Exception {
        BrokerEntry site = wb.brokers().model().entry("site").orElseThrow();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> site.signInProperty().get().kind() == SignInState.Kind.SIGNED_OUT);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<BrokerEntry> list = robot.lookup("#brokersList").queryAs(
                javafx.scene.control.ListView.class);
        robot.interact(() -> list.scrollTo(site)); // the row is below the built-in brokers, as a user would scroll
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".hyperlink").queryAllAs(Hyperlink.class)
                .stream().anyMatch(h -> shown(h) && h.getText().contains("sign")));
        WindowSteps.click(robot, () -> link(robot));
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status(wb).contains("Open this address"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no address in the status line: '" + status(wb) + "', sign-in " + site
                    .signInProperty().get(), e);
        }
        assertEquals(SignInState.Kind.SIGNING_IN, site.signInProperty().get().kind());
        assertTrue(OnFx.call(() -> link(robot).getText()).contains("cancel"), "a sign-in under way can be cancelled");

        String text = status(wb);
        URI authorize = URI.create(text.substring(text.indexOf("http")).strip());
        HttpResponse<String> landed = TestProvider.browser().send(HttpRequest.newBuilder(authorize)
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(landed.uri().getHost().equals("127.0.0.1"), "the provider sent the browser back to the window: "
                + landed.uri());

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> site.signInProperty().get().kind() == SignInState.Kind.SIGNED_IN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("alice", site.signInProperty().get().subject());
        assertTrue(OnFx.call(() -> link(robot).getText()).contains("signed in as alice"), "the row says who");
        assertTrue(status(wb).startsWith("Signed in to site"), status(wb));
        Path tokens = Files.list(config).map(d -> d.resolve("tokens.json")).filter(Files::exists).findFirst().orElseThrow();
        assertEquals(java.util.Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(tokens));
        assertTrue(!Files.readString(tokens).isEmpty());
    }
}
