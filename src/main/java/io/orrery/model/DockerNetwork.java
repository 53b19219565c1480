package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The network ports a container publishes. */
public record DockerNetwork(List<DockerPort> ports,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {
}
