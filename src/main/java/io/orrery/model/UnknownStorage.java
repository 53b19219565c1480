package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A storage resource of a kind this model does not know. */
public record UnknownStorage(String kind, Meta meta, List<FloatItem> costs, List<FloatItem> metrics, String phase, Schedule schedule, List<String> data,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements StorageResource {
}
