package io.orrery.server.legacy;

import io.orrery.model.Message;
import io.orrery.model.codec.WireCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The first (earliest) offer of an offer set as the older protocols see it: where it lives, what it holds, and when.
 * Read from the tree the core answers (newest shape).
 */
public record BestOffer(String uuid, String url, long coresMin, long coresMax, long memoryMin, long memoryMax,
                        String start, String duration, String expires) {

    /** The best offer of a YES, or empty for a NO. */
    public static Optional<BestOffer> of(JsonNode offerSet) {
        JsonNode o = offerSet.path("offers").path(0);
        if (!"YES".equals(offerSet.path("result").asString("")) || !o.isObject()) {
            return Optional.empty();
        }
        JsonNode compute = o.path("compute");
        JsonNode available = o.path("schedule").path("available");
        String start = available.path("start").asString("");
        int slash = start.indexOf('/');
        return Optional.of(new BestOffer(o.path("meta").path("uuid").asString(""), o.path("meta").path("url").asString(""),
                compute.path("cores").path("min").asLong(0), compute.path("cores").path("max").asLong(0),
                compute.path("memory").path("min").asLong(0), compute.path("memory").path("max").asLong(0),
                slash < 0 ? start : start.substring(0, slash), available.path("duration").asString(""),
                o.path("expires").asString("")));
    }

    /** The messages of an offer set (the reasons of a NO, the warnings of a YES), as plain text lines. */
    public static List<String> messages(JsonNode offerSet) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : offerSet.path("meta").path("messages")) {
            String text = WireCodec.recordFromTree(m, Message.class).text();
            if (!text.isEmpty()) {
                out.add(text);
            }
        }
        return out;
    }
}
