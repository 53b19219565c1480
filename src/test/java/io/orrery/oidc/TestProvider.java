package io.orrery.oidc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real OpenID provider on loopback for tests: {@code src/test/oidc/provider.mjs} (the npm package
 * {@code oidc-provider} on Node), its npm dependencies installed once into {@code src/test/oidc/node_modules}.
 * Skips the test, saying why, without Node 20+ and npm (or when npm cannot install); fails instead where
 * {@code ORRERY_REQUIRE_ENGINES=1} (CI). What the provider offers is in {@code src/test/oidc/README.md}.
 *
 * <pre>{@code
 * try (TestProvider op = TestProvider.start("--access-ttl", "5")) {
 *     String token = op.deviceToken("alice", "openid eb:ask eb:accept", null);  // sub alice, aud urn:orrery:broker
 * }
 * }</pre>
 */
public final class TestProvider implements AutoCloseable {
    public static final String CLIENT_ID = "orrery";
    public static final String DEFAULT_AUDIENCE = "urn:orrery:broker";
    public static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    public static final String TOKEN_EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
    public static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

    static final Path DIR = Path.of("src/test/oidc").toAbsolutePath();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static boolean installed;

    private final Process process;
    private final URI issuer;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestProvider(Process process, URI issuer, Path log) {
        this.process = process;
        this.issuer = issuer;
        this.log = log;
    }

    /**
     * Starts a provider on a free loopback port with the given options ({@code --audience A}, {@code --access-ttl S},
     * {@code --refresh-ttl S}); skips or fails the test as described above when it cannot.
     */
    public static TestProvider start(String... options) {
        String node = require(List.of("node", "--version"), "node");
        int major = Integer.parseInt(node.replaceFirst("^v(\\d+).*", "$1"));
        requireThat(major >= 20, "node " + node + " is older than 20, which oidc-provider 9 needs");
        install();
        List<String> command = new ArrayList<>(List.of("node", "provider.mjs", "--port", "0"));
        command.addAll(List.of(options));
        try {
            Path log = Files.createTempFile("orrery-oidc-provider", ".log");
            Process p = new ProcessBuilder(command).directory(DIR.toFile())
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> firstLine(p));
            String url;
            try {
                url = first.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
                throw new AssertionError("the OpenID provider did not start: " + Files.readString(log), e);
            }
            if (url == null || !url.startsWith("http://127.0.0.1:")) {
                p.destroyForcibly();
                throw new AssertionError("the OpenID provider did not start (" + url + "): " + Files.readString(log));
            }
            return new TestProvider(p, URI.create(url), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(Process p) {
        try {
            return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code npm ci} once per test run (and only when node_modules is older than the lock file), under a file lock. */
    private static synchronized void install() {
        if (installed) {
            return;
        }
        Path marker = DIR.resolve("node_modules/.package-lock.json");
        Path lock = Path.of("target/oidc-npm.lock").toAbsolutePath();
        try {
            Files.createDirectories(lock.getParent());
            try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = ch.lock()) {
                boolean current = Files.exists(marker) && Files.getLastModifiedTime(marker)
                        .compareTo(Files.getLastModifiedTime(DIR.resolve("package-lock.json"))) >= 0;
                if (!current) {
                    require(List.of("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline"), "npm ci");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        installed = true;
    }

    /** Runs a command in the fixture's folder; its output, or a skip (failure where required) when it cannot. */
    private static String require(List<String> command, String what) {
        try {
            Process p = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            boolean ok = p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0;
            requireThat(ok, what + " failed: " + tail(out));
            return out;
        } catch (IOException e) {
            requireThat(false, what + " cannot run (" + e.getMessage() + "): the OIDC tests need Node 20+ and npm");
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(what + " interrupted", e);
        }
    }

    private static String tail(String out) {
        return out.length() > 2000 ? "..." + out.substring(out.length() - 2000) : out;
    }

    private static void requireThat(boolean ok, String why) {
        if (!ok && "1".equals(System.getenv("ORRERY_REQUIRE_ENGINES"))) {
            throw new AssertionError(why + ", and ORRERY_REQUIRE_ENGINES=1 says the OpenID provider must start");
        }
        Assumptions.assumeTrue(ok, why);
    }

    /** The issuer, {@code http://127.0.0.1:PORT}; discovery at {@code /.well-known/openid-configuration}. */
    public URI issuer() {
        return issuer;
    }

    public URI endpoint(String path) {
        return issuer.resolve(path);
    }

    /**
     * A JWT access token signed with the provider's current key. Claims default to iss = the issuer, sub alice,
     * aud {@value #DEFAULT_AUDIENCE}, scope {@code eb:ask eb:accept eb:cancel}, client_id orrery, iat now, exp now +
     * expiresIn (negative: already expired), a fresh jti; the given claims replace them (e.g. {@code nbf}, {@code aud}).
     */
    public String mint(Map<String, ?> claims, Duration expiresIn) {
        return mint(claims, expiresIn, false);
    }

    /** As {@link #mint}, but signed with a key the provider does not publish, under the current key's kid. */
    public String forge(Map<String, ?> claims, Duration expiresIn) {
        return mint(claims, expiresIn, true);
    }

    private String mint(Map<String, ?> claims, Duration expiresIn, boolean foreign) {
        Map<String, Object> body = new LinkedHashMap<>(claims);
        body.put("expiresIn", expiresIn.toSeconds());
        body.put("foreign", foreign);
        return control("/test/mint", body).get("token").asString();
    }

    /** A new signing key replaces the current one (JWKS and new tokens); answers the new kid. */
    public String rotateKey() {
        return control("/test/rotate", Map.of()).get("kid").asString();
    }

    /**
     * The user's step of the device flow, through the provider's own HTML forms (user code, confirmation, then
     * sign-in as login and consent to all asked scopes); true when the provider shows its success page.
     */
    public boolean approveDevice(String userCode, String login) {
        return control("/test/device", Map.of("user_code", userCode, "login", login)).get("approved").asBoolean();
    }

    /**
     * A browser for the authorization code flow: keeps cookies and follows redirects. Opening the authorization URL
     * signs in at once (as its {@code login_hint}, else alice) and consents, then follows the redirect to the client's
     * loopback redirect URI ({@code http://127.0.0.1:ANY-PORT/callback} or {@code /}) with the code.
     */
    public static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * An access token of the device flow for login: scope as asked (broker scopes are granted), audience the resource
     * (null: {@value #DEFAULT_AUDIENCE}).
     */
    public String deviceToken(String login, String scope, String resource) {
        Map<String, String> ask = new LinkedHashMap<>(Map.of("client_id", CLIENT_ID, "scope", scope));
        if (resource != null) {
            ask.put("resource", resource);
        }
        JsonNode device = form("/device/auth", ask);
        if (!approveDevice(device.get("user_code").asString(), login)) {
            throw new AssertionError("the provider did not approve the device code");
        }
        JsonNode token = form("/token", Map.of("client_id", CLIENT_ID, "grant_type", DEVICE_GRANT,
                "device_code", device.get("device_code").asString()));
        if (!token.has("access_token")) {
            throw new AssertionError("no access token: " + token);
        }
        return token.get("access_token").asString();
    }

    /** POSTs a form to one of the provider's endpoints and reads its JSON answer (whatever the status). */
    public JsonNode form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return post(path, "application/x-www-form-urlencoded", body);
    }

    private JsonNode control(String path, Map<String, ?> body) {
        return post(path, "application/json", JSON.writeValueAsString(body));
    }

    private JsonNode post(String path, String type, String body) {
        HttpRequest r = HttpRequest.newBuilder(endpoint(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return JSON.readTree(http.send(r, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** What the provider wrote on stderr (its warnings and errors), for a failing test's message. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temporary file; the system cleans it
        }
    }
}
