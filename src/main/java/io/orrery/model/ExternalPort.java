package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The external side of a published port, filled in by the server. */
public record ExternalPort(Integer port, List<String> addresses,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {
}
