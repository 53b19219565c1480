package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A volume mount of a kind this model does not know. */
public record UnknownVolumeMount(String kind, Meta meta, List<FloatItem> costs, List<FloatItem> metrics,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements VolumeMount {
}
