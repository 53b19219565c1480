package io.orrery.client;

import java.time.Duration;
import java.util.Locale;

/** Something a broker did instead of answering, said plainly. */
public final class BrokerError extends RuntimeException {
    /** What went wrong, as a user can act on it. */
    public enum Kind {
        /** 401: the credentials are missing or wrong. */
        UNAUTHORIZED,
        /** 403: the credentials are fine, but this offer or session is someone else's. */
        FORBIDDEN,
        /** 404: the broker does not know it (perhaps it restarted and lost its state). */
        NOT_FOUND,
        /** 400, 413, 415: the broker refused what was sent. */
        REFUSED,
        /** 409: the session's phase does not allow the update. */
        CONFLICT,
        /** 5xx: the broker failed. */
        BROKER_FAILURE,
        /** Connection refused, unknown host, TLS failure. */
        UNREACHABLE,
        /** No answer within the timeout. */
        TIMEOUT,
        /** An answer that is not what the protocol promises. */
        PROTOCOL,
        /** Stopped on purpose. */
        CANCELLED
    }

    private final Kind kind;
    private final int status;

    public BrokerError(Kind kind, int status, String message) {
        super(message);
        this.kind = kind;
        this.status = status;
    }

    /** No answer within the limit; {@code what}, when given, says what was asked for. */
    public static BrokerError timeout(Duration limit, String what) {
        return new BrokerError(Kind.TIMEOUT, 0, "no answer within " + seconds(limit) + (what == null ? "" : " for " + what));
    }

    /** 3 s, 0.5 s: a limit as people read it. */
    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** What an unexpected throwable says, never just "null": its message, else its kind and its cause's. */
    public static String plain(Throwable e) {
        String m = e.getMessage();
        if (m != null && !m.isBlank()) {
            return m;
        }
        String kind = e.getClass().getSimpleName();
        return e.getCause() == null || e.getCause() == e ? kind : kind + " (" + plain(e.getCause()) + ")";
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was none. */
    public int status() {
        return status;
    }
}
