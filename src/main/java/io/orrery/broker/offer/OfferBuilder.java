package io.orrery.broker.offer;

import io.orrery.broker.platform.Platform;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.FloatItem;
import io.orrery.model.Kind;
import io.orrery.model.codec.Dialect;
import io.orrery.model.codec.WireCodec;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes an offer: the whole request echoed with the offered values (min = max = what is offered), each component
 * with its own identifier and schedule, the session schedule, costs and metrics, and the expiry.
 */
public final class OfferBuilder {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The most of a component's description each offer repeats. */
    public static final int ECHOED_DESCRIPTION = 1024;

    private OfferBuilder() {}

    /** The request as a tree, once for all the offers made from it. */
    public static ObjectNode requestTree(ExecutionRequest request) {
        return (ObjectNode) WireCodec.toTree(request, Dialect.NEWEST);
    }

    /** The offer as a tree of the newest shape, in phase OFFERED; req is {@link #requestTree}, left unchanged. */
    public static ObjectNode build(ObjectNode req, Proposal p, Platform platform, String uuid, String name,
                                   Instant created, Instant expires) {
        ObjectNode offer = NODES.objectNode();
        offer.put("kind", Kind.SCHEDULED_SESSION.uri());
        ObjectNode meta = offer.putObject("meta");
        meta.put("uuid", uuid).put("name", name).put("created", created.toString());
        offer.set("costs", items(Pricing.sessionCosts(p.least(), p.most())));
        offer.set("metrics", items(Pricing.sessionMetrics(platform)));
        ObjectNode schedule = schedule(p);
        if (req.get("executable") instanceof ObjectNode exe) {
            offer.set("executable", component(exe, schedule));
        }
        ObjectNode compute = req.get("compute") instanceof ObjectNode c ? c : defaultCompute();
        offer.set("compute", compute(component(compute, schedule), p, platform));
        if (req.get("storage") instanceof ArrayNode storage) {
            offer.set("storage", storage(storage, p, schedule));
        }
        if (req.get("data") instanceof ArrayNode data) {
            ArrayNode out = offer.putArray("data");
            data.forEach(d -> out.add(d instanceof ObjectNode o ? component(o, schedule) : d));
        }
        offer.put("phase", "OFFERED");
        offer.put("expires", expires.toString());
        offer.set("schedule", schedule);
        return offer;
    }

    private static ObjectNode schedule(Proposal p) {
        ObjectNode s = NODES.objectNode();
        s.putObject("preparing").put("start", p.preparingStart().toString()).put("duration", p.lead().toString());
        s.putObject("available").put("start", p.start() + "/PT0S").put("duration", p.duration().toString());
        s.putObject("releasing").put("start", p.end().toString()).put("duration", p.release().toString());
        return s;
    }

    /**
     * A component with its own uuid, phase INITIALIZING and the session's schedule. Its description is echoed up to
     * {@link #ECHOED_DESCRIPTION} characters: every offer repeats the request, and the client has the full text.
     */
    private static ObjectNode component(ObjectNode src, ObjectNode schedule) {
        ObjectNode out = src.deepCopy();
        ObjectNode meta = out.get("meta") instanceof ObjectNode m ? m : out.putObject("meta");
        JsonNode d = meta.get("description");
        if (d != null && d.isString() && d.asString().length() > ECHOED_DESCRIPTION) {
            meta.put("description", d.asString().substring(0, ECHOED_DESCRIPTION) + "…");
        }
        meta.put("uuid", UUID.randomUUID().toString());
        out.put("phase", "INITIALIZING");
        out.set("schedule", schedule.deepCopy());
        return out;
    }

    private static ObjectNode defaultCompute() {
        ObjectNode c = NODES.objectNode();
        c.put("kind", Kind.SIMPLE_COMPUTE.uri());
        c.putObject("meta").put("name", "compute");
        return c;
    }

    private static ObjectNode compute(ObjectNode c, Proposal p, Platform platform) {
        c.set("costs", items(Pricing.computeCosts(platform, p.cores(), p.memory(), p.gpus())));
        c.set("metrics", items(Pricing.computeMetrics(platform)));
        exact(c, "cores", p.cores());
        exact(c, "memory", p.memory());
        if (p.gpuModel() != null) {
            exact(c, "gpus", p.gpus()).put("model", p.gpuModel());
        }
        return c;
    }

    private static ObjectNode exact(ObjectNode parent, String key, long value) {
        ObjectNode range = parent.get(key) instanceof ObjectNode r ? r : parent.putObject(key);
        range.put("min", value).put("max", value);
        return range;
    }

    /** Each storage item at its offered size: the maximum when the offer gives the most, else the minimum. */
    private static ArrayNode storage(ArrayNode storage, Proposal p, ObjectNode schedule) {
        ArrayNode out = NODES.arrayNode();
        long total = 0;
        for (JsonNode s : storage) {
            total += s.path("size").path("min").asLong(1);
        }
        boolean most = p.storage() > total;
        for (JsonNode s : storage) {
            if (!(s instanceof ObjectNode o)) {
                out.add(s);
                continue;
            }
            ObjectNode item = component(o, schedule);
            if (item.get("size") instanceof ObjectNode size) {
                long min = size.path("min").asLong(1);
                long v = most ? size.path("max").asLong(min) : min;
                size.put("min", v).put("max", v);
            }
            out.add(item);
        }
        return out;
    }

    /** The items as the codec writes them (absent fields left out), built directly: several per offer. */
    static ArrayNode items(List<FloatItem> items) {
        ArrayNode out = NODES.arrayNode();
        for (FloatItem i : items) {
            ObjectNode item = out.addObject();
            putIfPresent(item, "kind", i.kind());
            putIfPresent(item, "type", i.type());
            putIfPresent(item, "description", i.description());
            if (i.min() != null) {
                item.put("min", i.min());
            }
            if (i.max() != null) {
                item.put("max", i.max());
            }
            if (i.extras() != null) {
                i.extras().forEach((k, v) -> {
                    if (v != null) {
                        item.set(k, v.deepCopy());
                    }
                });
            }
        }
        return out;
    }

    private static void putIfPresent(ObjectNode o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }
}
