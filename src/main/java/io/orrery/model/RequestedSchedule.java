package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The {@code schedule} of a request: {@code requested.start} is the ISO-8601 interval in which execution may start,
 * {@code requested.duration} the least execution time needed.
 */
public record RequestedSchedule(Requested requested, @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {

    /** The {@code requested} block. */
    public record Requested(String start, String duration, @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {
    }
}
