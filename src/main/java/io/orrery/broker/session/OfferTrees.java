package io.orrery.broker.session;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Offers are kept as compact JSON (a few hundred bytes each) and turned back into trees to be rendered. */
public final class OfferTrees {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private OfferTrees() {}

    public static byte[] pack(JsonNode tree) {
        return JSON.writeValueAsBytes(tree);
    }

    public static ObjectNode unpack(byte[] bytes) {
        return (ObjectNode) JSON.readTree(bytes);
    }
}
