package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A replica of a data-lake object in a Rucio Storage Element. */
public record Replica(String rsename, String dataurl,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {
}
