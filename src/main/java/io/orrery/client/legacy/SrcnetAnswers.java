package io.orrery.client.legacy;

import io.orrery.model.ExecutionRequest;
import io.orrery.model.ExecutionSession;
import io.orrery.model.Kind;
import io.orrery.model.OfferSet;
import io.orrery.model.codec.Dialect;
import io.orrery.model.codec.WireCodec;
import io.orrery.model.legacy.LegacyBodyException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SRCNet compute API's answers read as the ExecutionBroker's: a query's {@code response_code} (0 available, 1 not
 * available, 2 not bookable before the deadline, 3 an error) as an open offer or a NO; a job's status as a session,
 * its phase from the answer's {@code phase} where the site sends one (Orrery does), else read from its text.
 */
public final class SrcnetAnswers {
    public static final int OK = 0;
    public static final int NOT_AVAILABLE = 1;
    public static final int NOT_BEFORE_DEADLINE = 2;
    public static final int ERROR = 3;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MOST_LOG = 4096;
    private static final Set<String> PHASES = Set.of("ACCEPTED", "WAITING", "PREPARING", "AVAILABLE", "RUNNING",
            "RELEASING", "COMPLETED", "FAILED", "CANCELLED", "REJECTED", "EXPIRED");

    private SrcnetAnswers() {}

    /** The answer's response code, or {@link LegacyBodyException} when it has none. */
    public static int code(JsonNode a) {
        JsonNode c = a.path("response_code");
        if (!c.isIntegralNumber()) {
            throw new LegacyBodyException("response_code", "the answer has no response_code (0 to 3)");
        }
        return c.asInt();
    }

    public static String text(JsonNode a) {
        return a.path("response_text").asString("").strip();
    }

    /**
     * A query's answer as an offer set: code 0 an open offer, accepted at {@code offerUrl} (a provision then a
     * submit), 1 and 2 a NO with the site's text.
     */
    public static OfferSet offers(JsonNode a, ExecutionRequest request, Instant askedAt, String uuid, String offerUrl,
                                  String deadline) {
        int code = code(a);
        if (code == NOT_AVAILABLE) {
            return OpenOffer.no(List.of("not available: " + orNone(text(a))));
        }
        if (code == NOT_BEFORE_DEADLINE) {
            return OpenOffer.no(List.of("not bookable before the deadline " + deadline + ": " + orNone(text(a))));
        }
        if (code != OK) {
            throw new LegacyBodyException("response_code", "the site could not answer the query (code " + code + "): "
                    + orNone(text(a)));
        }
        OpenOffer.Terms t = new OpenOffer.Terms(uuid, offerUrl, null, null, null, null, null, null, null,
                List.of("ACCEPTED"), "SRCNet compute query: " + orNone(text(a)) + "; accepting provisions and submits"
                        + " (the API has no cancel)");
        return OpenOffer.yes(request, t, askedAt);
    }

    /** A job's status as a session at {@code statusUrl}, with the executable and compute it was accepted with. */
    public static ExecutionSession status(JsonNode a, String statusUrl, String id, ExecutionSession offer) {
        ObjectNode s = NODES.objectNode().put("kind", Kind.SIMPLE_SESSION.uri());
        ObjectNode meta = s.putObject("meta").put("uuid", a.path("job_id").asString(id)).put("url", statusUrl)
                .put("name", offer == null ? "srcnet job " + id : offer.meta().name().replace(" (offer)", ""));
        var messages = meta.putArray("messages");
        String text = a.path("response_text").asString("").strip();
        if (!text.isEmpty()) {
            messages.addObject().put("level", "INFO").put("message", text);
        }
        String log = a.path("logging").asString("");
        if (!log.isBlank()) {
            messages.addObject().put("level", "INFO").put("message", "log: " + tail(log));
        }
        JsonNode out = a.path("output_data");
        if (out.isString() && !out.asString().isBlank()) {
            messages.addObject().put("level", "INFO").put("message", "output data at " + out.asString());
            s.putArray("connectors").addObject().put("kind", "output-data").put("protocol", "https")
                    .put("location", out.asString());
        }
        s.put("phase", phase(a));
        if (offer != null) {
            JsonNode tree = WireCodec.toTree(offer, Dialect.NEWEST);
            s.set("executable", tree.path("executable"));
            s.set("compute", tree.path("compute"));
        }
        return WireCodec.fromTree(s, ExecutionSession.class);
    }

    /** The phase: the site's own where it names one, else read from the text (the prototype sends only text). */
    static String phase(JsonNode a) {
        String named = a.path("phase").asString("").toUpperCase(Locale.ROOT).strip();
        if (PHASES.contains(named)) {
            return named;
        }
        String t = text(a).toLowerCase(Locale.ROOT);
        if (t.contains("fail") || t.contains("error")) {
            return "FAILED";
        }
        if (t.contains("cancel") || t.contains("abort")) {
            return "CANCELLED";
        }
        if (t.contains("complet") || t.contains("finish") || t.contains("success") || t.contains("done")) {
            return "COMPLETED";
        }
        if (t.contains("queue") || t.contains("pending") || t.contains("wait")) {
            return "WAITING";
        }
        if (t.contains("stag") || t.contains("prepar") || t.contains("pull")) {
            return "PREPARING";
        }
        return t.contains("run") ? "RUNNING" : "ACCEPTED";
    }

    private static String tail(String log) {
        String s = log.strip();
        return s.length() <= MOST_LOG ? s : "\u2026" + s.substring(s.length() - MOST_LOG);
    }

    private static String orNone(String text) {
        return text.isEmpty() ? "(no text)" : text;
    }
}
