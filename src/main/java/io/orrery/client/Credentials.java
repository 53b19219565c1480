package io.orrery.client;

import io.orrery.client.oidc.BearerSource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How to prove who we are to one broker: HTTP Basic or a bearer token (sent on every request). Basic goes on POSTs,
 * and on GETs only where the broker asks for it there: the newest reference broker wants it on POSTs only (so reads
 * stay fast and a stale password cannot break them), while Orrery's own server wants it on every request. A broker
 * whose entry names an OpenID issuer gets a bearer token from its sign-in ({@link BearerSource}), fetched and renewed
 * when a request needs it. Never printed.
 */
public record Credentials(String user, String password, String token, BearerSource source) {
    public static final Credentials NONE = new Credentials(null, null, null, null);

    public Credentials(String user, String password, String token) {
        this(user, password, token, null);
    }

    public static Credentials basic(String user, String password) {
        return new Credentials(user, password, null);
    }

    public static Credentials bearer(String token) {
        return new Credentials(null, null, token);
    }

    /** Tokens of a sign-in at an OpenID provider. */
    public static Credentials signedIn(BearerSource source) {
        return new Credentials(null, null, null, source);
    }

    /** The Authorization header for a request with this method, or null; basicOnReads sends Basic on GETs too. */
    public String header(String method, boolean basicOnReads) {
        if (source != null) {
            return "Bearer " + source.token();
        }
        if (bearer()) {
            return "Bearer " + token;
        }
        if (basic() && (basicOnReads || !"GET".equals(method))) {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }

    /** HTTP Basic: a user and a password, and no token. */
    public boolean basic() {
        return source == null && !bearer() && user != null && password != null;
    }

    private boolean bearer() {
        return token != null && !token.isBlank();
    }

    public boolean present() {
        return source != null || bearer() || user != null;
    }

    @Override
    public String toString() {
        return source != null ? source.describe() : token != null ? "bearer token (hidden)" : user != null ? "basic " + user + " (password hidden)" : "none";
    }
}
