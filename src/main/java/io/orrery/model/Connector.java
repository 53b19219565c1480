package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A SimpleSessionConnector: how to reach a running session (status PREPARING, AVAILABLE or FINISHED). */
public record Connector(String kind, String status, String protocol, String location,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {
}
