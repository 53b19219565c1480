package io.orrery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.CliRun;
import org.junit.jupiter.api.Test;

/** {@code orrery serve --oidc-issuer}: a wrong issuer or an audience without one is said before listening. */
class ServeOidcOptionsTest {
    @Test
    void aPlainHttpIssuerOrAnAudienceAloneIsAUsageError() {
        CliRun http = CliRun.of("serve", "--platform", "laptop", "--port", "0", "--oidc-issuer", "http://idp.example.org");
        assertEquals(2, http.code(), http.toString());
        assertTrue(http.err().contains("--oidc-issuer") && http.err().contains("https"), http.err());
        CliRun alone = CliRun.of("serve", "--federate", "x.yaml", "--port", "0", "--audience", "urn:orrery:broker");
        assertEquals(2, alone.code(), alone.toString());
        assertTrue(alone.err().contains("--audience needs --oidc-issuer"), alone.err());
    }
}
