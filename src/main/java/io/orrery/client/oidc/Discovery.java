package io.orrery.client.oidc;

import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** What an issuer's {@code /.well-known/openid-configuration} says this client needs. */
public record Discovery(String issuer, String authorizationEndpoint, String tokenEndpoint, String deviceEndpoint,
                        Set<String> grantTypes) {
    public static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    public static final String DEVICE_CODE = "urn:ietf:params:oauth:grant-type:device_code";

    static Discovery read(JsonNode d, String expectedIssuer) {
        String issuer = d.path("issuer").asString("");
        if (!strip(issuer).equals(strip(expectedIssuer))) {
            throw new OidcException("the discovery document of " + expectedIssuer + " names another issuer: " + issuer,
                    false);
        }
        String token = d.path("token_endpoint").asString(null);
        if (token == null) {
            throw new OidcException(expectedIssuer + " names no token endpoint", false);
        }
        Set<String> grants = new HashSet<>();
        if (d.has("grant_types_supported")) {
            d.get("grant_types_supported").forEach(g -> grants.add(g.asString()));
        } else {
            grants.add("authorization_code"); // the default RFC 8414 states
        }
        return new Discovery(issuer, d.path("authorization_endpoint").asString(null), token,
                d.path("device_authorization_endpoint").asString(null), Set.copyOf(grants));
    }

    private static String strip(String url) {
        return url.replaceAll("/+$", "");
    }

    public boolean tokenExchange() {
        return grantTypes.contains(TOKEN_EXCHANGE);
    }
}
