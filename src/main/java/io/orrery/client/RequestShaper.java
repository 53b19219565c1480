package io.orrery.client;

import io.orrery.model.ExecutionRequest;
import io.orrery.model.codec.Dialect;
import io.orrery.model.codec.WireCodec;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shapes a request for one broker: every component named (some brokers fail with a 500 without names), and for
 * older generations only the fields that generation has (their strict parsers answer 400 to anything else).
 */
final class RequestShaper {
    private static final List<String> REQUEST_FIELDS = List.of("executable", "compute", "storage", "data", "schedule");

    private RequestShaper() {}

    /** The request as JSON in the broker's generation. */
    static byte[] body(ExecutionRequest request, Dialect dialect) {
        ObjectNode tree = (ObjectNode) WireCodec.toTree(request, Dialect.NEWEST);
        name(tree.get("executable"), "executable");
        name(tree.get("compute"), "compute");
        if (tree.get("compute") != null) {
            list(tree.get("compute").get("volumes"), "volume");
        }
        list(tree.get("storage"), "storage");
        list(tree.get("data"), "data");
        if (dialect != Dialect.NEWEST) {
            tree.retain(REQUEST_FIELDS);
            strip(tree);
        }
        return WireCodec.writeCompact(tree, io.orrery.model.codec.Format.JSON, dialect);
    }

    private static void list(JsonNode items, String prefix) {
        if (items != null && items.isArray()) {
            for (int i = 0; i < items.size(); i++) {
                name(items.get(i), prefix + "-" + (i + 1));
            }
        }
    }

    private static void name(JsonNode component, String fallback) {
        if (component instanceof ObjectNode c) {
            ObjectNode meta = c.get("meta") instanceof ObjectNode m ? m : c.putObject("meta");
            if (!meta.has("name")) {
                meta.put("name", fallback);
            }
        }
    }

    /** Costs and metrics came in 2026-07: older brokers refuse them. */
    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove(List.of("costs", "metrics"));
            o.forEach(RequestShaper::strip);
        } else if (node != null && node.isArray()) {
            node.forEach(RequestShaper::strip);
        }
    }
}
