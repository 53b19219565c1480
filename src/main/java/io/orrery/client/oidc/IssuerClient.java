package io.orrery.client.oidc;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP with one identity provider: its discovery document (read once) and form posts to its endpoints, answers read as
 * JSON. An OAuth error answer ({@code error}, {@code error_description}) is thrown as {@link OAuthError}; nothing sent
 * or received is ever put in a message but the provider's own error words.
 */
public final class IssuerClient {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(30)).followRedirects(false).build();

    private final OidcSettings settings;
    private volatile Discovery discovery;

    public IssuerClient(OidcSettings settings) {
        this.settings = settings;
    }

    public OidcSettings settings() {
        return settings;
    }

    /** An error the provider answered in OAuth's words (RFC 6749 5.2, RFC 8628 3.5). */
    public static final class OAuthError extends RuntimeException {
        private final String code;

        OAuthError(String code, String description) {
            super(code + (description == null || description.isBlank() ? "" : ": " + description));
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public Discovery discovery() {
        Discovery d = discovery;
        if (d == null) {
            String url = settings.issuer().replaceAll("/+$", "") + "/.well-known/openid-configuration";
            d = Discovery.read(call(new Request.Builder().url(url).header("Accept", "application/json").get().build(),
                    "its discovery document"), settings.issuer());
            discovery = d;
        }
        return d;
    }

    /** Posts a form to an endpoint of the provider (the client id added) and reads the JSON answer. */
    public JsonNode post(String endpoint, Map<String, String> form, String what) {
        FormBody.Builder body = new FormBody.Builder().add("client_id", settings.clientId());
        form.forEach((k, v) -> {
            if (v != null) {
                body.add(k, v);
            }
        });
        return call(new Request.Builder().url(endpoint).header("Accept", "application/json").post(body.build()).build(),
                what);
    }

    /** A token request: the tokens, or the provider's refusal as an {@link OAuthError}. */
    public TokenSet token(Map<String, String> form, String what, TokenSet before) {
        JsonNode t = post(discovery().tokenEndpoint(), form, what);
        String access = t.path("access_token").asString(null);
        if (access == null) {
            throw new OidcException(settings.issuer() + " answered " + what + " without an access token", false);
        }
        Instant now = Instant.now();
        Instant expires = t.has("expires_in") ? now.plusSeconds(t.get("expires_in").asLong()) : null;
        String refresh = t.path("refresh_token").asString(before == null ? null : before.refresh());
        String subject = subject(t.path("id_token").asString(null));
        if (subject == null) {
            subject = subject(access);
        }
        if (subject == null && before != null) {
            subject = before.subject();
        }
        return new TokenSet(access, expires, refresh, subject, null, null, now);
    }

    /** The {@code sub} of a JWT read from the provider over its own connection (shown, never trusted), or null. */
    static String subject(String jwt) {
        if (jwt == null || jwt.chars().filter(c -> c == '.').count() != 2) {
            return null;
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
            return JSON.readTree(payload).path("sub").asString(null);
        } catch (IllegalArgumentException | JacksonException e) {
            return null;
        }
    }

    private JsonNode call(Request request, String what) {
        try (Response r = HTTP.newCall(request).execute()) {
            String body = r.body().string();
            JsonNode json;
            try {
                json = JSON.readTree(body);
            } catch (JacksonException e) {
                throw new OidcException(settings.issuer() + " answered " + what + " with " + r.code()
                        + " and no JSON", false);
            }
            if (json.has("error")) {
                throw new OAuthError(json.get("error").asString(), json.path("error_description").asString(null));
            }
            if (!r.isSuccessful()) {
                throw new OidcException(settings.issuer() + " answered " + what + " with " + r.code(), false);
            }
            return json;
        } catch (IOException e) {
            throw new OidcException(settings.issuer() + " cannot be reached for " + what + " (" + e.getMessage() + ")",
                    e);
        }
    }
}
