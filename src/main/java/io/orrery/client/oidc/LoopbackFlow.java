package io.orrery.client.oidc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Authorization code with PKCE (S256) on a loopback redirect (RFC 8252, RFC 7636), for a program with a browser at
 * hand: a one-shot HTTP server on 127.0.0.1 at a port the system picks receives the provider's redirect; its
 * {@code state} must be the one sent, and the code is exchanged with the verifier only this program knows.
 */
public final class LoopbackFlow {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IssuerClient client;
    private final HttpServer server;
    private final String state = random();
    private final String verifier = random();
    private final String redirect;
    private final URI url;
    private final CompletableFuture<String> code = new CompletableFuture<>();

    private LoopbackFlow(IssuerClient client) throws IOException {
        this.client = client;
        Discovery d = client.discovery();
        if (d.authorizationEndpoint() == null) {
            throw new OidcException(client.settings().issuer() + " names no authorization endpoint", false);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        redirect = "http://127.0.0.1:" + server.getAddress().getPort() + "/callback";
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", client.settings().clientId());
        q.put("redirect_uri", redirect);
        q.putAll(SignIn.scopeAndResource(client));
        q.put("state", state);
        q.put("code_challenge", challenge(verifier));
        q.put("code_challenge_method", "S256");
        if (client.settings().scope().contains("offline_access")) {
            q.put("prompt", "consent"); // OpenID Connect grants offline_access only with consent asked
        }
        url = URI.create(d.authorizationEndpoint() + (d.authorizationEndpoint().contains("?") ? "&" : "?")
                + form(q));
        server.createContext("/callback", this::callback);
        server.start();
    }

    /** Reads the provider's discovery and opens the loopback port (network: off the window's thread). */
    public static LoopbackFlow start(IssuerClient client) {
        try {
            return new LoopbackFlow(client);
        } catch (IOException e) {
            throw new OidcException("cannot open a loopback port for the sign-in (" + e.getMessage() + ")", e);
        }
    }

    /** The address to open in a browser. */
    public URI url() {
        return url;
    }

    /** Waits for the browser to come back, then exchanges the code; the tokens, or why not. */
    public TokenSet await(Duration limit) {
        try {
            String c = code.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return client.token(SignIn.with(client, "grant_type", "authorization_code", "code", c, "redirect_uri",
                    redirect, "code_verifier", verifier), "the authorization code", null);
        } catch (TimeoutException e) {
            throw new OidcException("no sign-in in the browser within " + limit.toMinutes() + " min", false);
        } catch (CancellationException e) {
            throw new OidcException("sign-in cancelled", false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OidcException("sign-in cancelled", false);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof OidcException o ? o : new OidcException("sign-in failed", e.getCause());
        } catch (IssuerClient.OAuthError e) {
            throw new OidcException(client.settings().issuer() + " refused the code (" + e.getMessage() + ")", false);
        } finally {
            server.stop(0);
        }
    }

    /** Stops waiting (from any thread) and closes the port. */
    public void cancel() {
        code.cancel(false);
        server.stop(0);
    }

    private void callback(HttpExchange x) throws IOException {
        Map<String, String> q = query(x.getRequestURI().getRawQuery());
        String page;
        if (!state.equals(q.get("state"))) {
            page = "This answer was not for this sign-in (its state differs). Return to Orrery and try again.";
            code.completeExceptionally(new OidcException("the browser came back with another sign-in's state", false));
        } else if (q.containsKey("error")) {
            page = "The sign-in was refused: " + q.get("error") + ". You may close this tab.";
            code.completeExceptionally(new OidcException("the sign-in was refused (" + q.get("error")
                    + (q.containsKey("error_description") ? ": " + q.get("error_description") : "") + ")", false));
        } else if (q.get("code") == null) {
            page = "The answer carried no code. Return to Orrery and try again.";
            code.completeExceptionally(new OidcException("the browser came back without a code", false));
        } else {
            page = "Signed in. You may close this tab and return to Orrery.";
            code.complete(q.get("code"));
        }
        byte[] body = ("<!doctype html><title>Orrery</title><p>" + page + "</p>").getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        x.sendResponseHeaders(200, body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    private static String form(Map<String, String> q) {
        StringBuilder b = new StringBuilder();
        q.forEach((k, v) -> b.append(b.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
