package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A volume mount: the named data or storage resource at path, READONLY (default) or READWRITE. */
public record SimpleVolumeMount(String kind, Meta meta, List<FloatItem> costs, List<FloatItem> metrics,
        String path, String mode, String resource,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements VolumeMount {
}
