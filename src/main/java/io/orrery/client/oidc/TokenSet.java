package io.orrery.client.oidc;

import java.time.Duration;
import java.time.Instant;

/**
 * The tokens of one sign-in: the access token, when it expires, the refresh token (if the issuer gave one), who signed
 * in (the subject) and, where the broker's audience was obtained by token exchange, that token and its expiry. Never
 * printed: toString says only who and until when.
 */
public record TokenSet(String access, Instant expires, String refresh, String subject, String exchanged,
                       Instant exchangedExpires, Instant obtained) {
    /** Renew this long before a token expires (half its lifetime for a token that lives less than twice this). */
    public static final Duration MARGIN = Duration.ofSeconds(30);

    public TokenSet(String access, Instant expires, String refresh, String subject, String exchanged,
                    Instant exchangedExpires) {
        this(access, expires, refresh, subject, exchanged, exchangedExpires, null);
    }

    public boolean fresh(Instant now) {
        return access != null && fresh(now, expires);
    }

    public boolean exchangedFresh(Instant now) {
        return exchanged != null && fresh(now, exchangedExpires);
    }

    private boolean fresh(Instant now, Instant until) {
        if (until == null) {
            return true;
        }
        Duration margin = MARGIN;
        if (obtained != null && Duration.between(obtained, until).dividedBy(2).compareTo(margin) < 0) {
            margin = Duration.between(obtained, until).dividedBy(2);
        }
        return now.plus(margin).isBefore(until);
    }

    public TokenSet withExchanged(String token, Instant until) {
        return new TokenSet(access, expires, refresh, subject, token, until, obtained);
    }

    /** The token a broker gets: the exchanged one where there is one, else the sign-in's. */
    public String forBroker() {
        return exchanged != null ? exchanged : access;
    }

    /** When the broker's token expires (the exchanged one's expiry where there is one). */
    public Instant until() {
        return exchanged != null ? exchangedExpires : expires;
    }

    @Override
    public String toString() {
        return "tokens of " + subject + " (hidden) until " + until();
    }
}
