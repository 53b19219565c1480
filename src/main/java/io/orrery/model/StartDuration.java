package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A schedule block: a start (an instant, or an interval for {@code available}) and an ISO-8601 duration. */
public record StartDuration(String start, String duration, @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {
}
