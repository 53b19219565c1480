package io.orrery.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Helpers for the unknown-field maps every wire record carries. */
public final class Extras {
    private Extras() {}

    /** An immutable copy that keeps the order, or an empty map for null. */
    public static Map<String, JsonNode> of(Map<String, JsonNode> extras) {
        return extras == null || extras.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }
}
