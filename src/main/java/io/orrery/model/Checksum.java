package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A checksum, such as adler32. */
public record Checksum(String type, String value,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {
}
