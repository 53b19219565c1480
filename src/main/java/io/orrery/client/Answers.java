package io.orrery.client;

import io.orrery.model.WireDocument;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.SyntaxException;
import io.orrery.model.codec.WireCodec;
import io.orrery.model.codec.WireFormatException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads brokers' answers, and turns their error answers (empty, Spring's generic body, ours) into plain errors. */
final class Answers {
    private Answers() {}

    static <T extends WireDocument> T read(String body, String contentType, Class<T> type, String what) {
        if (body == null || body.isBlank()) {
            throw new BrokerError(BrokerError.Kind.PROTOCOL, 0, "the broker sent an empty answer for " + what);
        }
        Format format = contentType != null && contentType.contains("json") ? Format.JSON
                : contentType != null && contentType.contains("yaml") ? Format.YAML : Format.guess(null, body);
        try {
            return WireCodec.readAs(body, format, type);
        } catch (SyntaxException | WireFormatException e) {
            throw new BrokerError(BrokerError.Kind.PROTOCOL, 0, "the broker's answer for " + what + " is not "
                    + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The error an HTTP status and body stand for. */
    static BrokerError error(int status, String body, String what, boolean hadCredentials) {
        String detail = detail(body);
        return switch (status) {
            case 401 -> new BrokerError(BrokerError.Kind.UNAUTHORIZED, status, hadCredentials
                    ? "the broker refused the credentials for " + what + " (401): check the user and password or token"
                    : "the broker wants credentials for " + what + " (401): add them with 'orrery brokers add'");
            case 403 -> new BrokerError(BrokerError.Kind.FORBIDDEN, status, what + " belongs to another user (403)"
                    + (detail.isEmpty() ? "" : ": " + detail));
            case 404 -> new BrokerError(BrokerError.Kind.NOT_FOUND, status, detail.isEmpty()
                    ? "the broker does not know " + what + " (404 with no explanation: it may have restarted and lost"
                            + " its state)"
                    : "the broker does not know " + what + ": " + detail);
            case 409 -> new BrokerError(BrokerError.Kind.CONFLICT, status, "the broker refused the update: " + detail);
            case 429 -> new BrokerError(hadCredentials ? BrokerError.Kind.UNAUTHORIZED : BrokerError.Kind.REFUSED, status,
                    "the broker turned " + what + " away after too many failed sign-ins from here or for this name"
                            + " (429): check the credentials, then wait a little" + (detail.isEmpty() ? "" : ": " + detail));
            default -> status >= 500
                    ? new BrokerError(BrokerError.Kind.BROKER_FAILURE, status, "the broker failed on " + what + " ("
                            + status + ")" + (detail.isEmpty() ? "" : ": " + detail))
                    : status >= 400
                    ? new BrokerError(BrokerError.Kind.REFUSED, status, "the broker refused " + what + " (" + status + ")"
                            + (detail.isEmpty() ? ", without saying why (often an unknown kind URI or field)" : ": " + detail))
                    : new BrokerError(BrokerError.Kind.PROTOCOL, status, "unexpected answer " + status + " for " + what);
        };
    }

    /** The reasons in an error body: our messages, or Spring's generic {error, message}; empty if there are none. */
    static String detail(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode tree = WireCodec.read(body, Format.guess(null, body)).tree();
            List<String> out = new ArrayList<>();
            for (JsonNode m : tree.path("messages")) {
                String where = m.has("line") ? " (line " + m.path("line").asInt() + ", column " + m.path("column").asInt()
                        + (m.has("field") ? ", " + m.path("field").asString() : "") + ")" : "";
                out.add(m.path("message").asString("") + where);
            }
            if (out.isEmpty() && tree.has("error")) {
                String msg = tree.path("message").asString("");
                out.add(tree.path("error").asString() + (msg.isEmpty() ? "" : ": " + msg));
            }
            return String.join("; ", out);
        } catch (RuntimeException e) {
            return body.length() > 200 ? body.substring(0, 200) + "..." : body.strip();
        }
    }
}
