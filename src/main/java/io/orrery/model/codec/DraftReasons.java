package io.orrery.model.codec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The 2023 draft's {@code reasons: [{path, text}]} for a NO, as messages and back. */
final class DraftReasons {
    static final String KIND = "urn:orrery:draft-reason";

    private DraftReasons() {}

    static void toMessages(ObjectNode offerSet, JsonNode reasons, String from, Origins origins) {
        ObjectNode meta = offerSet.path("meta") instanceof ObjectNode m ? m : offerSet.putObject("meta");
        ArrayNode messages = meta.path("messages") instanceof ArrayNode a ? a : meta.putArray("messages");
        offerSet.remove("reasons");
        for (int i = 0; i < reasons.size(); i++) {
            JsonNode r = reasons.get(i);
            ObjectNode msg = messages.addObject();
            msg.put("kind", KIND);
            msg.put("level", "WARN");
            msg.put("template", r.path("text").asString(""));
            msg.putObject("values").put("path", r.path("path").asString(""));
            origins.put("/meta/messages/" + (messages.size() - 1), from + "/" + i);
        }
    }

    /** Moves draft-reason messages back into {@code reasons}. */
    static void toReasons(ObjectNode offerSet) {
        JsonNode messages = offerSet.path("meta").path("messages");
        if (!messages.isArray()) {
            return;
        }
        ArrayNode reasons = Origins.NODES.arrayNode();
        ArrayNode list = (ArrayNode) messages;
        for (int i = 0; i < list.size(); ) {
            JsonNode m = list.get(i);
            if (KIND.equals(m.path("kind").asString(""))) {
                reasons.addObject().put("path", m.path("values").path("path").asString(""))
                        .put("text", m.path("template").asString(""));
                list.remove(i);
            } else {
                i++;
            }
        }
        if (!reasons.isEmpty()) {
            offerSet.set("reasons", reasons);
            if (messages.isEmpty()) {
                ((ObjectNode) offerSet.get("meta")).remove("messages");
            }
        }
    }
}
