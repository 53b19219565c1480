package io.orrery.broker.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.model.FloatItem;
import io.orrery.model.codec.WireCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** The cost and metric items an offer carries, built directly, are the documents the codec writes for them. */
class OfferItemsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode reread(JsonNode tree) {
        return JSON.readTree(JSON.writeValueAsBytes(tree));
    }

    @Test
    void itemsAreWhatTheCodecWrites() {
        var platform = PlatformCatalog.find("cloud").orElseThrow();
        List<FloatItem> items = new ArrayList<>(Pricing.sessionMetrics(platform));
        items.addAll(Pricing.computeMetrics(platform));
        items.add(new FloatItem(null, "urn:x:cost", null, null, 2.5, null));
        items.add(new FloatItem("urn:k", "urn:x:metric", "with extras", 1.0, null,
                Map.of("unit", JsonNodeFactory.instance.stringNode("GB"))));
        ArrayNode expected = JsonNodeFactory.instance.arrayNode();
        items.forEach(i -> expected.add(WireCodec.recordTree(i)));
        assertEquals(reread(expected), reread(OfferBuilder.items(items)));
    }
}
