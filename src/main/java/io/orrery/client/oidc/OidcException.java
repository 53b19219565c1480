package io.orrery.client.oidc;

/**
 * Signing in or renewing a token failed, said as the user can act on it (never with a token in it). {@link #signIn()}
 * is true when the way out is to sign in again.
 */
public final class OidcException extends RuntimeException {
    private final boolean signIn;

    public OidcException(String message, boolean signIn) {
        super(message);
        this.signIn = signIn;
    }

    public OidcException(String message, Throwable cause) {
        super(message, cause);
        this.signIn = false;
    }

    /** Not signed in, or the sign-in has lapsed: "run 'orrery login NAME'". */
    public static OidcException notSignedIn(String broker, String why) {
        return new OidcException(why + ": run 'orrery login " + broker + "'", true);
    }

    public boolean signIn() {
        return signIn;
    }
}
