package io.orrery.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How to prove who we are to one broker: HTTP Basic or a bearer token (sent on every request). Basic goes on POSTs,
 * and on GETs only where the broker asks for it there: the newest reference broker wants it on POSTs only (so reads
 * stay fast and a stale password cannot break them), while Orrery's own server wants it on every request. Never
 * printed.
 */
public record Credentials(String user, String password, String token) {
    public static final Credentials NONE = new Credentials(null, null, null);

    public static Credentials basic(String user, String password) {
        return new Credentials(user, password, null);
    }

    public static Credentials bearer(String token) {
        return new Credentials(null, null, token);
    }

    /** The Authorization header for a request with this method, or null; basicOnReads sends Basic on GETs too. */
    public String header(String method, boolean basicOnReads) {
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
        return !bearer() && user != null && password != null;
    }

    private boolean bearer() {
        return token != null && !token.isBlank();
    }

    public boolean present() {
        return bearer() || user != null;
    }

    @Override
    public String toString() {
        return token != null ? "bearer token (hidden)" : user != null ? "basic " + user + " (password hidden)" : "none";
    }
}
