package io.orrery.client.oidc;

import java.time.Duration;
import java.time.Instant;

/**
 * The tokens of one sign-in: the access token, when it expires, the refresh token (if the issuer gave one), who signed
 * in (the subject) and, where the broker's audience was obtained by token exchange, that token and its expiry. Never
 * printed: toString says only who and until when.
 */
public record TokenSet(String access, Instant expires, String refresh, String subject, String exchanged,
                       Instant exchangedExpires) {
    /** Renew this long before a token expires. */
    public static final Duration MARGIN = Duration.ofSeconds(30);

    public boolean fresh(Instant now) {
        return access != null && (expires == null || now.plus(MARGIN).isBefore(expires));
    }

    public boolean exchangedFresh(Instant now) {
        return exchanged != null && (exchangedExpires == null || now.plus(MARGIN).isBefore(exchangedExpires));
    }

    public TokenSet withExchanged(String token, Instant until) {
        return new TokenSet(access, expires, refresh, subject, token, until);
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
