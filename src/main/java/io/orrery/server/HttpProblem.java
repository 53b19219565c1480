package io.orrery.server;

import java.util.List;
import java.util.Map;

/**
 * An answer other than success: the HTTP status, a short title and the messages that explain it (each with
 * optional line, column and field), plus any headers it needs (Allow, WWW-Authenticate).
 */
final class HttpProblem extends RuntimeException {
    private final int status;
    private final List<Detail> details;
    private final transient Map<String, String> headers;

    /** One explanation; line and column are 0 when they do not apply. */
    record Detail(String message, int line, int column, String field) {
        static Detail of(String message) {
            return new Detail(message, 0, 0, null);
        }
    }

    HttpProblem(int status, String title, List<Detail> details, Map<String, String> headers) {
        super(title);
        this.status = status;
        this.details = List.copyOf(details);
        this.headers = Map.copyOf(headers);
    }

    HttpProblem(int status, String title, String detail) {
        this(status, title, List.of(Detail.of(detail)), Map.of());
    }

    int status() {
        return status;
    }

    List<Detail> details() {
        return details;
    }

    Map<String, String> headers() {
        return headers;
    }
}
