package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A simple compute resource: cores and memory (GiB) ranges, and volume mounts. */
public record SimpleCompute(String kind, Meta meta, List<FloatItem> costs, List<FloatItem> metrics, String phase, Schedule schedule,
        MinMax cores, MinMax memory, List<VolumeMount> volumes,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements ComputeResource {
}
