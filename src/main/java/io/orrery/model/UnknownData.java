package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A data resource of a kind this model does not know, or an abstract template kind. */
public record UnknownData(String kind, Meta meta, List<FloatItem> costs, List<FloatItem> metrics, String phase, Schedule schedule, String storage,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements DataResource {
}
