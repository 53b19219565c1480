package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** OfferSetResponse: YES with offers, or NO with messages (in {@code meta.messages}) that say why. */
public record OfferSet(String kind, Meta meta, List<FloatItem> costs, List<FloatItem> metrics, String result,
                       String description, List<ExecutionSession> offers,
                       @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements Component, WireDocument {
}
