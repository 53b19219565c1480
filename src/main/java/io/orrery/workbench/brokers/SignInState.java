package io.orrery.workbench.brokers;

import io.orrery.client.oidc.TokenSet;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Where a broker's sign-in stands, as its row in the brokers pane says it: nothing to sign in to, "sign in…",
 * "signing in…" (while the browser is out), "signed in as SUB until HH:MM", or why the last attempt failed.
 */
public record SignInState(Kind kind, String subject, Instant until, String problem) {
    public enum Kind { NOT_NEEDED, SIGNED_OUT, SIGNING_IN, SIGNED_IN, FAILED }

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    public static final SignInState NOT_NEEDED = new SignInState(Kind.NOT_NEEDED, null, null, null);
    public static final SignInState SIGNED_OUT = new SignInState(Kind.SIGNED_OUT, null, null, null);
    public static final SignInState SIGNING_IN = new SignInState(Kind.SIGNING_IN, null, null, null);

    /** The state the kept tokens stand for: signed in while the token is valid or can be renewed. */
    public static SignInState of(Optional<TokenSet> tokens, Instant now) {
        if (tokens.isEmpty()) {
            return SIGNED_OUT;
        }
        TokenSet t = tokens.get();
        if (t.refresh() == null && t.until() != null && !now.isBefore(t.until())) {
            return SIGNED_OUT;
        }
        return new SignInState(Kind.SIGNED_IN, t.subject(), t.until(), null);
    }

    public static SignInState failed(String problem) {
        return new SignInState(Kind.FAILED, null, null, problem);
    }

    /** The row's words for it, times in the given zone ("" when the broker needs no sign-in). */
    public String text(ZoneId zone) {
        return switch (kind) {
            case NOT_NEEDED -> "";
            case SIGNED_OUT -> "sign in\u2026";
            case SIGNING_IN -> "signing in\u2026 (finish in the browser)";
            case SIGNED_IN -> "signed in as " + (subject == null ? "an unnamed user" : subject)
                    + (until == null ? "" : " until " + HH_MM.format(until.atZone(zone)));
            case FAILED -> "sign-in failed: " + problem + " \u00b7 sign in\u2026";
        };
    }

    /** Whether the row offers to sign in (signed out, or the last attempt failed). */
    public boolean canSignIn() {
        return kind == Kind.SIGNED_OUT || kind == Kind.FAILED;
    }
}
