package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * An AbstractOption: an update the server allows at {@code path}. The kind says which fields apply:
 * {@code uri:string-value-option} (pattern), {@code uri:enum-value-option} (values),
 * {@code uri:integer-value-option} and {@code uri:integer-delta-option} (min, max, units).
 */
public record Option(String kind, String path, String pattern, List<String> values, Long min, Long max, String units,
                     @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {

    public static final String ENUM = "uri:enum-value-option";
    public static final String STRING = "uri:string-value-option";
    public static final String INTEGER = "uri:integer-value-option";
    public static final String DELTA = "uri:integer-delta-option";

    public static Option enumValues(String path, List<String> values) {
        return new Option(ENUM, path, null, List.copyOf(values), null, null, null, Map.of());
    }
}
