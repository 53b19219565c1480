package io.orrery.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How to prove who we are to one broker: HTTP Basic (sent on POSTs only, as the newest reference broker wants, so
 * reads stay fast and a stale password cannot break them) or a bearer token (sent on every request). Never printed.
 */
public record Credentials(String user, String password, String token) {
    public static final Credentials NONE = new Credentials(null, null, null);

    public static Credentials basic(String user, String password) {
        return new Credentials(user, password, null);
    }

    public static Credentials bearer(String token) {
        return new Credentials(null, null, token);
    }

    /** The Authorization header for a request with this method, or null. */
    public String header(String method) {
        if (token != null && !token.isBlank()) {
            return "Bearer " + token;
        }
        if (user != null && password != null && !"GET".equals(method)) {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }

    public boolean present() {
        return (token != null && !token.isBlank()) || user != null;
    }

    @Override
    public String toString() {
        return token != null ? "bearer token (hidden)" : user != null ? "basic " + user + " (password hidden)" : "none";
    }
}
