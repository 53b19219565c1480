package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Data downloaded from a URL. */
public record SimpleData(String kind, Meta meta, List<FloatItem> costs, List<FloatItem> metrics, String phase, Schedule schedule, String storage, String location,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements DataResource {
}
