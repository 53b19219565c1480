package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A cost or metric item: {@code simple-minmax-float-cost} and {@code simple-minmax-float-metric} have the same
 * shape, a {@code type} URI (for example {@code urn:ivoa:calycopis:cost:monetary}) and a float range.
 */
public record FloatItem(String kind, String type, String description, Double min, Double max,
                        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {
}
