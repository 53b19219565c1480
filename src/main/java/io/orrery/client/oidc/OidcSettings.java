package io.orrery.client.oidc;

/**
 * A broker's identity provider, as its entry in brokers.yaml names it: the issuer, this program's client id there, the
 * scopes to ask for and, optionally, the broker's audience (sent as a resource indicator, RFC 8707, or obtained by
 * token exchange, RFC 8693, where the issuer offers it). The issuer is https, or http on loopback only.
 */
public record OidcSettings(String issuer, String clientId, String scope, String audience) {
    public static final String DEFAULT_SCOPE = "openid offline_access eb:ask eb:accept eb:cancel";

    public OidcSettings {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("an OIDC issuer needs a URL");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("an OIDC issuer needs a client id");
        }
        issuer = issuer.strip();
        java.net.URI u;
        try {
            u = java.net.URI.create(issuer);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the issuer '" + issuer + "' is not a URL");
        }
        boolean loopback = u.getHost() != null && java.util.Set.of("127.0.0.1", "localhost", "[::1]", "::1")
                .contains(u.getHost());
        if (!"https".equals(u.getScheme()) && !("http".equals(u.getScheme()) && loopback)) {
            throw new IllegalArgumentException("the issuer '" + issuer + "' must be an https URL (http only on"
                    + " loopback), so that tokens never cross the network in clear");
        }
        scope = scope == null || scope.isBlank() ? DEFAULT_SCOPE : scope.strip();
        audience = audience == null || audience.isBlank() ? null : audience.strip();
    }
}
