package io.orrery.client.legacy;

import io.orrery.model.ExecutionRequest;
import io.orrery.model.OfferSet;
import io.orrery.model.Kind;
import io.orrery.model.Message;
import io.orrery.model.Meta;
import io.orrery.model.codec.Dialect;
import io.orrery.model.codec.WireCodec;
import io.orrery.model.time.TimeFormatException;
import io.orrery.model.time.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An offer made of an older protocol's YES, as an ExecutionSession in OFFERED in a YES offer set (and its NO as a
 * NO offer set): the request's executable, the
 * resources the answer granted, and a slot. When the answer gave no start (CanIDoThis and the SRCNet query never
 * do), the offer is <em>open</em>: it is drawn from the time of the answer (or the start of the requested window, if
 * later) for the requested length, and carries a message of kind {@link #KIND} that says so.
 */
public final class OpenOffer {
    /** The kind of the message that marks an open offer. */
    public static final String KIND = "urn:orrery:open-offer";
    /** How every open offer's note begins (the flag the table shows and the timeline draws by). */
    public static final String FLAG = "open offer";
    /** The length drawn when neither the request nor the answer says how long the run is. */
    public static final Duration UNSAID = Duration.ofHours(1);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What the answer granted; null fields are taken from the request. */
    public record Terms(String uuid, String url, Instant start, Duration duration, Long coresMin, Long coresMax,
                        Long memoryMin, Long memoryMax, String expires, List<String> phases, String description) {
    }

    private OpenOffer() {}

    /** A YES offer set holding the one offer, asked at {@code askedAt}; open when the terms have no start. */
    public static OfferSet yes(ExecutionRequest request, Terms t, Instant askedAt) {
        ObjectNode set = NODES.objectNode().put("kind", Kind.OFFER_SET.uri()).put("result", "YES");
        set.putObject("meta").put("uuid", UUID.randomUUID().toString());
        set.putArray("offers").add(offer(request, t, askedAt));
        return WireCodec.fromTree(set, OfferSet.class);
    }

    /** A NO with the broker's reasons, as an offer set. */
    public static OfferSet no(List<String> reasons) {
        ObjectNode set = NODES.objectNode().put("kind", Kind.OFFER_SET.uri()).put("result", "NO");
        var messages = set.putObject("meta").put("uuid", UUID.randomUUID().toString()).putArray("messages");
        reasons.forEach(r -> messages.addObject().put("level", "INFO").put("message", r));
        return WireCodec.fromTree(set, OfferSet.class);
    }

    private static ObjectNode offer(ExecutionRequest request, Terms t, Instant askedAt) {
        JsonNode asked = WireCodec.toTree(request, Dialect.NEWEST);
        ObjectNode s = NODES.objectNode();
        s.put("kind", Kind.SCHEDULED_SESSION.uri());
        ObjectNode meta = s.putObject("meta").put("uuid", t.uuid()).put("name", name(asked) + " (offer)");
        if (t.url() != null) {
            meta.put("url", t.url());
        }
        meta.put("description", t.description());
        Duration length = t.duration() != null ? t.duration() : Optional.ofNullable(requestedDuration(request))
                .orElse(UNSAID);
        Instant start = t.start();
        if (start == null) {
            start = later(askedAt, windowStart(request));
            meta.putArray("messages").addObject().put("kind", KIND).put("level", "INFO").put("message", FLAG
                    + ": the broker said YES without times; drawn from " + start + " for " + length
                    + (t.duration() == null && requestedDuration(request) == null ? " (no length asked or given)" : ""));
        }
        if (t.phases() != null) {
            var values = meta.putArray("options").addObject().put("kind", io.orrery.model.Option.ENUM)
                    .put("path", "phase").putArray("values");
            t.phases().forEach(values::add);
        }
        s.put("phase", "OFFERED");
        if (t.expires() != null) {
            s.put("expires", t.expires());
        }
        s.set("executable", asked.path("executable").deepCopy());
        s.set("compute", compute(asked.path("compute"), t));
        if (asked.has("storage")) {
            s.set("storage", asked.get("storage").deepCopy());
        }
        s.putObject("schedule").putObject("available").put("start", start.toString()).put("duration", length.toString());
        return s;
    }

    private static ObjectNode compute(JsonNode asked, Terms t) {
        ObjectNode c = asked.isObject() ? ((ObjectNode) asked).deepCopy() : NODES.objectNode();
        if (!c.has("kind")) {
            c.put("kind", Kind.SIMPLE_COMPUTE.uri());
        }
        narrow(c, "cores", t.coresMin(), t.coresMax());
        narrow(c, "memory", t.memoryMin(), t.memoryMax());
        return c;
    }

    private static void narrow(ObjectNode c, String name, Long min, Long max) {
        if (min == null && max == null) {
            return;
        }
        ObjectNode r = c.has(name) && c.get(name).isObject() ? (ObjectNode) c.get(name) : c.putObject(name);
        if (min != null) {
            r.put("min", min);
        }
        if (max != null) {
            r.put("max", max);
        }
    }

    private static String name(JsonNode asked) {
        return asked.path("executable").path("meta").path("name").asString("task");
    }

    /** Whether an offer is open (drawn without times from its broker), and its note if so. */
    public static Optional<String> note(Meta meta) {
        if (meta == null || meta.messages() == null) {
            return Optional.empty();
        }
        return meta.messages().stream().filter(m -> KIND.equals(m.kind())).map(Message::text).findFirst();
    }

    /** The length the request asks for, or null. */
    public static Duration requestedDuration(ExecutionRequest request) {
        if (request.schedule() == null || request.schedule().requested() == null
                || request.schedule().requested().duration() == null) {
            return null;
        }
        try {
            return Times.duration(request.schedule().requested().duration());
        } catch (TimeFormatException e) {
            return null;
        }
    }

    /** The start of the requested window, or null. */
    static Instant windowStart(ExecutionRequest request) {
        if (request.schedule() == null || request.schedule().requested() == null
                || request.schedule().requested().start() == null) {
            return null;
        }
        try {
            return Times.startOf(request.schedule().requested().start());
        } catch (TimeFormatException e) {
            return null;
        }
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }
}
