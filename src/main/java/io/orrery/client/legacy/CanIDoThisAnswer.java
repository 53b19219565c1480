package io.orrery.client.legacy;

import io.orrery.model.ExecutionRequest;
import io.orrery.model.OfferSet;
import io.orrery.model.legacy.LegacyBodyException;
import io.orrery.model.legacy.Units;
import io.orrery.model.time.TimeFormatException;
import io.orrery.model.time.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The 2021 answer read as an offer set: {@code reponseword} (as historically spelt; {@code responseword} too) YES
 * with the {@code resources} the broker grants (it may narrow the ranges) and its {@code serviceinfo}; NO with its
 * {@code reason} and {@code messages}. The protocol has no accept, so the offer has no URL to accept it at; it is
 * open unless the broker (an Orrery one) names a start in {@code serviceinfo.start}.
 */
public final class CanIDoThisAnswer {
    private CanIDoThisAnswer() {}

    /**
     * The offer set of an answer to a request asked at {@code askedAt}; {@link LegacyBodyException} naming the
     * field when the answer is not a 2021 answer.
     */
    public static OfferSet read(JsonNode a, ExecutionRequest request, Instant askedAt) {
        if (!a.isObject()) {
            throw new LegacyBodyException(null, "the answer is not a mapping with reponseword YES or NO");
        }
        JsonNode word = a.has("reponseword") ? a.get("reponseword") : a.path("responseword");
        String w = word.isString() ? word.asString().trim().toUpperCase(Locale.ROOT) : "";
        if (w.equals("NO")) {
            return OpenOffer.no(reasons(a));
        }
        if (!w.equals("YES")) {
            throw new LegacyBodyException("reponseword", "the answer's reponseword is " + (word.isMissingNode()
                    ? "missing" : "'" + word.asString() + "'") + ", not YES or NO");
        }
        JsonNode info = a.path("serviceinfo");
        JsonNode res = a.path("resources");
        if (res.has("compute") && res.get("compute").isObject()) {
            res = res.get("compute");
        }
        Duration length = duration(res, "minduration");
        if (length == null) {
            length = duration(res, "maxduration");
        }
        String endpoint = text(info, "endpoint");
        OpenOffer.Terms t = new OpenOffer.Terms(
                text(info, "uuid") != null ? text(info, "uuid") : UUID.randomUUID().toString(), null,
                instant(info, "start"), length,
                count(res, "mincores"), count(res, "maxcores"), gib(res, "minmemory", true), gib(res, "maxmemory", false),
                expires(info), null, "CanIDoThis (2021): YES" + (endpoint == null ? "" : ", service endpoint " + endpoint)
                        + "; the protocol has no accept");
        return OpenOffer.yes(request, t, askedAt);
    }

    private static List<String> reasons(JsonNode a) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : a.path("messages")) {
            String text = m.isString() ? m.asString() : m.path("message").asString(m.path("text").asString(""));
            if (!text.isBlank() && !out.contains(text)) {
                out.add(text);
            }
        }
        String reason = text(a, "reason");
        if (out.isEmpty() && reason != null) {
            out.add(reason);
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isString() && !v.asString().isBlank() ? v.asString().trim() : null;
    }

    private static Long count(JsonNode res, String field) {
        JsonNode v = res.path(field);
        return v.isMissingNode() || v.isNull() ? null : Units.count(v, "resources." + field);
    }

    private static Long gib(JsonNode res, String field, boolean roundUp) {
        JsonNode v = res.path(field);
        return v.isMissingNode() || v.isNull() ? null : Units.gib(v, "G", roundUp, "resources." + field);
    }

    private static Duration duration(JsonNode res, String field) {
        JsonNode v = res.path(field);
        return v.isMissingNode() || v.isNull() ? null : Units.duration(v, "m", "resources." + field);
    }

    private static Instant instant(JsonNode info, String field) {
        String t = text(info, field);
        try {
            return t == null ? null : Times.instant(t);
        } catch (TimeFormatException | java.time.DateTimeException e) {
            throw new LegacyBodyException("serviceinfo." + field, "serviceinfo." + field + ": " + e.getMessage());
        }
    }

    private static String expires(JsonNode info) {
        Instant at = instant(info, "expires");
        return at == null ? null : at.toString();
    }
}
