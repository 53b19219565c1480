package io.orrery.server;

import java.net.URI;
import java.util.Set;

/**
 * {@code orrery serve --oidc-issuer URL [--audience A] [--owner-claim C]}: JWT access tokens of this issuer are
 * accepted; audience null means the broker's own base URL; the owner of what a token creates is its claim C
 * ({@code sub} unless told). The issuer must be https, or http on a loopback address (for tests and a local provider).
 */
public record OidcOptions(String issuer, String audience, String ownerClaim) {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    public OidcOptions {
        URI u;
        try {
            u = URI.create(issuer);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the issuer '" + issuer + "' is not a URL");
        }
        boolean https = "https".equals(u.getScheme());
        boolean local = "http".equals(u.getScheme()) && u.getHost() != null && LOOPBACK.contains(u.getHost());
        if (!https && !local) {
            throw new IllegalArgumentException("the issuer '" + issuer + "' must be an https URL (http only on loopback)");
        }
        if (u.getQuery() != null || u.getFragment() != null) {
            throw new IllegalArgumentException("the issuer '" + issuer + "' must have no query or fragment");
        }
        ownerClaim = ownerClaim == null || ownerClaim.isBlank() ? "sub" : ownerClaim;
        audience = audience == null || audience.isBlank() ? null : audience;
    }

    /** The issuer's tokens for this broker's own URL, owned by their subject. */
    public static OidcOptions of(String issuer) {
        return new OidcOptions(issuer, null, "sub");
    }
}
