package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** An integer range such as cores, memory (GiB) or storage size (GiB). Either end may be absent. */
public record MinMax(Long min, Long max, @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {

    public static MinMax of(Long min, Long max) {
        return new MinMax(min, max, Map.of());
    }
}
