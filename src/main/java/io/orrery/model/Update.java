package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * An AbstractUpdate sent to a session: {@code uri:enum-value-update} and {@code uri:string-value-update} carry a
 * {@code value}; {@code uri:integer-value-update} an integer {@code value}; {@code uri:integer-delta-update} a
 * {@code delta}. The value is kept as sent (a JSON node) so that a wrong type can be reported, not lost.
 */
public record Update(String kind, String path, JsonNode value, Long delta, String units,
                     @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements WireDocument {

    public static final String ENUM = "uri:enum-value-update";
    public static final String STRING = "uri:string-value-update";
    public static final String INTEGER = "uri:integer-value-update";
    public static final String DELTA = "uri:integer-delta-update";

    /** The phase update a client sends to accept, reject or cancel. */
    public static Update phase(String value) {
        return new Update(ENUM, "phase", tools.jackson.databind.node.StringNode.valueOf(value), null, null, Map.of());
    }

    /** The path without a leading slash ({@code /phase} and {@code phase} are the same). */
    public String normalisedPath() {
        return path == null ? null : path.startsWith("/") ? path.substring(1) : path;
    }
}
