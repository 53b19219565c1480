package io.orrery.model.codec;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Component metadata into the newest shape: flat 2025 fields into {@code meta}, message {@code type} to {@code kind}. */
final class MetaUpgrade {
    private MetaUpgrade() {}

    static ObjectNode flatMeta(Origins origins, JsonNode src, String from, String to) {
        ObjectNode meta = Origins.NODES.objectNode();
        origins.put(to + "/meta", from);
        for (String key : List.of("uuid", "ident", "name", "description", "href", "url", "created", "modified",
                "messages", "options")) {
            if (src.has(key)) {
                String target = switch (key) {
                    case "ident" -> "uuid";
                    case "href" -> "url";
                    default -> key;
                };
                meta.set(target, metaField(origins, target, src.get(key), from + "/" + key, to + "/meta/" + target));
            }
        }
        return meta;
    }

    static JsonNode meta(Origins origins, JsonNode v, String f, String to) {
        if (!v.isObject()) {
            return origins.copy(v, f, to);
        }
        ObjectNode out = Origins.NODES.objectNode();
        origins.put(to, f);
        for (var e : v.properties()) {
            String key = e.getKey();
            out.set(key, metaField(origins, key, e.getValue(), f + "/" + Origins.escape(key), to + "/" + Origins.escape(key)));
        }
        return out;
    }

    /** Messages and options whose discriminator was still called {@code type}. */
    private static JsonNode metaField(Origins origins, String key, JsonNode v, String f, String to) {
        if ((key.equals("messages") || key.equals("options")) && v.isArray()) {
            ArrayNode list = Origins.NODES.arrayNode();
            origins.put(to, f);
            for (int i = 0; i < v.size(); i++) {
                JsonNode item = v.get(i);
                // an item may be anything (a text, a number): only a mapping is renamed
                JsonNode copy = origins.copy(item, f + "/" + i, to + "/" + i);
                if (item.isObject() && item.has("type") && !item.has("kind")) {
                    ObjectNode renamed = Origins.NODES.objectNode();
                    renamed.set("kind", copy.get("type"));
                    copy.properties().forEach(p -> {
                        if (!p.getKey().equals("type")) {
                            renamed.set(p.getKey(), p.getValue());
                        }
                    });
                    origins.put(to + "/" + i + "/kind", f + "/" + i + "/type");
                    copy = renamed;
                }
                list.add(copy);
            }
            return list;
        }
        return origins.copy(v, f, to);
    }
}
