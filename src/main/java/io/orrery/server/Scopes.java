package io.orrery.server;

import io.orrery.model.Update;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The OAuth scopes an OIDC access token needs here: asking, accepting and cancelling are granted separately; reading
 * needs only a valid token. Static-token and Basic callers hold every scope.
 */
final class Scopes {
    static final String ASK = "eb:ask";
    static final String ACCEPT = "eb:accept";
    static final String CANCEL = "eb:cancel";
    static final Set<String> ALL = Set.of(ASK, ACCEPT, CANCEL);

    private static final Pattern SUBMIT = Pattern.compile("/(?:provision/)?[^/]+/submit");
    private static final Set<String> ASKING = Set.of("/requests", "/offersets", "/direct", "/sessions",
            CanIDoThisRoutes.PATH, "/", "/query", "/provision");

    private Scopes() {}

    /** What each scope allows, for {@code GET /}. */
    static Map<String, String> meanings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ASK, "ask for offers: POST /requests, POST /direct, POST /canidothis, SRCNet POST /query and /provision");
        m.put(ACCEPT, "accept an offer: POST /sessions/{uuid} phase ACCEPTED (and any update other than a cancel),"
                + " SRCNet POST|PUT /{provision_id}/submit");
        m.put(CANCEL, "cancel or reject: POST /sessions/{uuid} phase CANCELLED or REJECTED");
        m.put("(any valid token)", "read: GET of offer sets, sessions, their parts and outputs, /usage");
        return m;
    }

    /** The scope a request needs from its method and path alone (an update's depends on its body: {@link #of(Update)}). */
    static Optional<String> of(String method, String path) {
        boolean writes = method.equals("POST") || method.equals("PUT");
        if (!writes) {
            return Optional.empty();
        }
        if (ASKING.contains(path)) {
            return Optional.of(ASK);
        }
        return SUBMIT.matcher(path).matches() ? Optional.of(ACCEPT) : Optional.empty();
    }

    /** The scope an update of a session needs: cancelling (CANCELLED, REJECTED) or else accepting. */
    static String of(Update u) {
        boolean phase = "phase".equals(u.path()) && u.value() != null;
        String to = phase ? u.value().asString("") : "";
        return to.equals("CANCELLED") || to.equals("REJECTED") ? CANCEL : ACCEPT;
    }
}
