package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A compute resource of a kind this model does not know, such as a GPU extension. */
public record UnknownCompute(String kind, Meta meta, List<FloatItem> costs, List<FloatItem> metrics, String phase, Schedule schedule,
        List<VolumeMount> volumes,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements ComputeResource {
}
