package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** An object in the SKAO data lake, with its known replicas. */
public record SkaoData(String kind, Meta meta, List<FloatItem> costs, List<FloatItem> metrics, String phase, Schedule schedule, String storage, IvoaBlock ivoa,
        SkaoBlock skao,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements DataResource {
}
