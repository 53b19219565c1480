package io.orrery.client.oidc;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One broker's sign-in at its identity provider: the tokens kept in the {@link TokenStore}, handed to requests and
 * renewed before they expire (the refresh-token grant, {@link TokenSet#MARGIN} ahead) and once more when the broker
 * refuses one; where the broker names an audience and the issuer offers token exchange (RFC 8693), the sign-in token is
 * exchanged for one of that audience and scope. Thread-safe: concurrent requests share one renewal. One session per
 * configuration directory and broker ({@link #of}).
 */
public final class OidcSession implements BearerSource {
    private static final Map<String, OidcSession> SESSIONS = new ConcurrentHashMap<>();
    private static final String ACCESS_TOKEN = "urn:ietf:params:oauth:token-type:access_token";

    private final String broker;
    private final IssuerClient client;
    private final TokenStore store;
    private final Clock clock;
    private TokenSet tokens;
    private boolean loaded;

    OidcSession(String broker, OidcSettings settings, TokenStore store, Clock clock) {
        this.broker = broker;
        this.client = new IssuerClient(settings);
        this.store = store;
        this.clock = clock;
    }

    /** The session of this broker in this configuration directory (the same object for the same settings). */
    public static OidcSession of(Path directory, String broker, OidcSettings settings) {
        String key = directory.toAbsolutePath() + "\n" + broker + "\n" + settings;
        return SESSIONS.computeIfAbsent(key, k -> new OidcSession(broker, settings, TokenStore.forDirectory(directory),
                Clock.systemUTC()));
    }

    public IssuerClient client() {
        return client;
    }

    public String broker() {
        return broker;
    }

    /** Where the tokens are kept, in words. */
    public String storedIn() {
        return store.where();
    }

    /** Who is signed in and until when, read from the store (no network); empty when nobody is. */
    public synchronized Optional<TokenSet> status() {
        load();
        return Optional.ofNullable(tokens);
    }

    /** Keeps the tokens of a finished sign-in (and exchanges them at once where the broker needs it). */
    public synchronized TokenSet signedIn(TokenSet signIn) {
        tokens = signIn;
        loaded = true;
        store.save(broker, tokens);
        forBroker();
        return tokens;
    }

    /** Forgets the tokens; true when there were some. */
    public synchronized boolean signOut() {
        tokens = null;
        loaded = true;
        return store.remove(broker);
    }

    @Override
    public synchronized String token() {
        return forBroker();
    }

    @Override
    public synchronized String renewed(String rejected) {
        load();
        if (tokens != null && Objects.equals(tokens.forBroker(), rejected)) {
            tokens = tokens.withExchanged(null, null);
            refresh();
        }
        return forBroker();
    }

    @Override
    public String describe() {
        return "OIDC at " + client.settings().issuer();
    }

    private void load() {
        if (!loaded) {
            tokens = store.load(broker).orElse(null);
            loaded = true;
        }
    }

    private String forBroker() {
        load();
        if (tokens == null) {
            throw OidcException.notSignedIn(broker, "not signed in to " + broker);
        }
        Instant now = clock.instant();
        boolean exchanges = client.settings().audience() != null && client.discovery().tokenExchange();
        if (exchanges && tokens.exchangedFresh(now)) {
            return tokens.forBroker();
        }
        if (!tokens.fresh(now)) {
            refresh();
        }
        if (exchanges) {
            exchange();
        }
        return tokens.forBroker();
    }

    private void refresh() {
        if (tokens.refresh() == null) {
            throw OidcException.notSignedIn(broker, "the sign-in to " + broker + " has expired");
        }
        try {
            tokens = client.token(SignIn.with(client, "grant_type", "refresh_token", "refresh_token",
                    tokens.refresh()), "the refresh token", tokens);
        } catch (IssuerClient.OAuthError e) {
            if ("invalid_grant".equals(e.code())) {
                throw OidcException.notSignedIn(broker, "the sign-in to " + broker + " has ended (" + e.getMessage()
                        + ")");
            }
            throw new OidcException(client.settings().issuer() + " did not renew the token (" + e.getMessage() + ")",
                    false);
        }
        store.save(broker, tokens);
    }

    /** The scopes a broker's token carries: the asked ones but those of the sign-in itself (openid, offline_access...). */
    static String brokerScope(String scope) {
        return java.util.Arrays.stream(scope.split("\\s+"))
                .filter(x -> !java.util.Set.of("openid", "offline_access", "profile", "email").contains(x))
                .collect(java.util.stream.Collectors.joining(" "));
    }

    private void exchange() {
        OidcSettings s = client.settings();
        TokenSet t;
        try {
            t = client.token(Map.of("grant_type", Discovery.TOKEN_EXCHANGE, "subject_token", tokens.access(),
                    "subject_token_type", ACCESS_TOKEN, "requested_token_type", ACCESS_TOKEN,
                    "audience", s.audience(), "scope", brokerScope(s.scope())), "the token exchange", tokens);
        } catch (IssuerClient.OAuthError e) {
            throw new OidcException(s.issuer() + " did not exchange the token for " + s.audience() + " ("
                    + e.getMessage() + ")", false);
        }
        tokens = tokens.withExchanged(t.access(), t.expires());
        store.save(broker, tokens);
    }
}
