package io.orrery.client.oidc;

import java.util.LinkedHashMap;
import java.util.Map;

/** What every sign-in request carries: the scopes and, where no token exchange will follow, the broker's audience. */
final class SignIn {
    private SignIn() {}

    static Map<String, String> scopeAndResource(IssuerClient client) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("scope", client.settings().scope());
        String resource = resource(client);
        if (resource != null) {
            form.put("resource", resource);
        }
        return form;
    }

    /** A token request's form: the given pairs, and the resource where one is asked for. */
    static Map<String, String> with(IssuerClient client, String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        String resource = resource(client);
        if (resource != null) {
            form.put("resource", resource);
        }
        return form;
    }

    /** The audience as a resource indicator (RFC 8707), unless the issuer exchanges tokens for it after sign-in. */
    static String resource(IssuerClient client) {
        OidcSettings s = client.settings();
        return s.audience() != null && !client.discovery().tokenExchange() ? s.audience() : null;
    }
}
