package io.orrery.workbench.brokers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.client.BrokerConfig;
import io.orrery.client.BrokerRegistry;
import io.orrery.client.ShiftedClock;
import io.orrery.client.oidc.FileTokenStore;
import io.orrery.client.oidc.OidcSettings;
import io.orrery.client.oidc.TokenSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The brokers pane's sign-in state for brokers with an OpenID issuer, without the toolkit. */
class SignInStateTest {
    @TempDir
    Path config;

    @Test
    void statesReadAsTheRowSaysThem() {
        Instant now = Instant.parse("2027-03-01T09:00:00Z");
        TokenSet alice = new TokenSet("a", now.plus(Duration.ofMinutes(90)), "r", "alice", null, null);
        assertEquals("signed in as alice until 10:30", SignInState.of(Optional.of(alice), now).text(ZoneOffset.UTC));
        assertEquals("sign in\u2026", SignInState.of(Optional.empty(), now).text(ZoneOffset.UTC));
        TokenSet lapsed = new TokenSet("a", now.minusSeconds(1), null, "alice", null, null);
        assertTrue(SignInState.of(Optional.of(lapsed), now).canSignIn(), "an expired token without refresh: sign in");
        TokenSet renewable = new TokenSet("a", now.minusSeconds(1), "r", "alice", null, null);
        assertEquals(SignInState.Kind.SIGNED_IN, SignInState.of(Optional.of(renewable), now).kind());
        assertEquals("", SignInState.NOT_NEEDED.text(ZoneOffset.UTC));
        assertTrue(SignInState.failed("access_denied").text(ZoneOffset.UTC).contains("access_denied"));
        assertFalse(SignInState.SIGNING_IN.canSignIn());
    }

    @Test
    void theViewModelReadsKeptTokensAndSignsOut() throws Exception {
        BrokerRegistry r = BrokerRegistry.load(config);
        r.put(new BrokerConfig("sso", "http://127.0.0.1:1/", null, null, BrokerConfig.CONNECT, BrokerConfig.READ,
                new OidcSettings("http://127.0.0.1:2/", "orrery", null, null)));
        r.put(BrokerConfig.of("plain", "http://127.0.0.1:3/"));
        r.save();
        try (BrokersViewModel vm = new BrokersViewModel(config, new ShiftedClock(Clock.systemUTC(), Duration.ZERO))) {
            BrokerEntry sso = vm.entry("sso").orElseThrow();
            BrokerEntry plain = vm.entry("plain").orElseThrow();
            assertEquals(SignInState.SIGNED_OUT, sso.signInProperty().get(), "an issuer's broker starts signed out");
            assertEquals(SignInState.NOT_NEEDED, plain.signInProperty().get());
            assertEquals(SignInState.SIGNED_OUT, vm.signInState(sso));

            Instant until = Instant.now().plus(Duration.ofHours(1));
            SignInState in = vm.signedIn(sso, new TokenSet("access-secret", until, "refresh-secret", "alice", null,
                    null));
            assertEquals(SignInState.Kind.SIGNED_IN, in.kind());
            assertEquals("alice", in.subject());
            Path tokens = config.resolve("tokens.json");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens)));
            assertTrue(new FileTokenStore(tokens).load("sso").isPresent());
            assertEquals(SignInState.Kind.SIGNED_IN, vm.signInState(sso).kind(), "read back from the kept tokens");

            assertEquals(SignInState.SIGNED_OUT, vm.signOut(sso));
            assertFalse(new FileTokenStore(tokens).load("sso").isPresent());
        }
    }
}
