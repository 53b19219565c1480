package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A Rucio data object: service endpoint, scope, object name and type (FILE, CONTAINER, DATASET). */
public record RucioBlock(String endpoint, String scope, String object, String type,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {
}
