package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** An internal port on a container. */
public record PortNumber(Integer port,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {
}
