package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A simple storage resource: size range in GiB. */
public record SimpleStorage(String kind, Meta meta, List<FloatItem> costs, List<FloatItem> metrics, String phase, Schedule schedule, List<String> data, MinMax size,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements StorageResource {
}
