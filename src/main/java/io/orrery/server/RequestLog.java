package io.orrery.server;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;

/** One line per request (method, path, status, time, user), never a header, body or secret. */
final class RequestLog {
    private final PrintStream out;
    private final boolean quiet;

    RequestLog(PrintStream out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    void request(String method, String path, int status, double ms, String user) {
        if (!quiet) {
            out.printf(Locale.ROOT, "%s %s %s %d %.1fms%s%n", Instant.now(), method, path, status, ms,
                    user == null ? "" : " " + user);
        }
    }

    void failure(String method, String path, Throwable e) {
        out.printf(Locale.ROOT, "%s %s %s failed: %s%n", Instant.now(), method, path, e);
    }

    void note(String text) {
        out.printf(Locale.ROOT, "%s %s%n", Instant.now(), text);
    }
}
