package io.orrery.model.codec;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where each node of an upgraded tree came from in the source tree (pointer to pointer), so that a finding about
 * {@code /compute/cores/min} can point at {@code resources.compute[0].cores.requested.min} in a 2025 file.
 */
final class Origins {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, String> map = new HashMap<>();

    void put(String to, String from) {
        map.put(to, from);
    }

    /** Copies a subtree, recording the origin of every node in it (nothing to record where it does not move). */
    JsonNode copy(JsonNode src, String from, String to) {
        if (from.equals(to)) {
            return src.deepCopy();
        }
        put(to, from);
        if (src.isObject()) {
            ObjectNode out = NODES.objectNode();
            for (var e : src.properties()) {
                String key = e.getKey();
                out.set(key, copy(e.getValue(), from + "/" + escape(key), to + "/" + escape(key)));
            }
            return out;
        }
        if (src.isArray()) {
            ArrayNode out = NODES.arrayNode();
            for (int i = 0; i < src.size(); i++) {
                out.add(copy(src.get(i), from + "/" + i, to + "/" + i));
            }
            return out;
        }
        return src.deepCopy();
    }

    /** The source pointer of a node of the upgraded tree, or of its nearest recorded ancestor, re-extended. */
    String sourceOf(String pointer) {
        String p = pointer;
        String rest = "";
        while (true) {
            String from = map.get(p);
            if (from != null) {
                return from + rest;
            }
            if (p.isEmpty()) {
                return pointer;
            }
            int cut = p.lastIndexOf('/');
            rest = p.substring(cut) + rest;
            p = p.substring(0, cut);
        }
    }

    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
