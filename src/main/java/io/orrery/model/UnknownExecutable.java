package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** An executable of a kind this model does not know (an extension, or an abstract template kind); all its fields are in extras. */
public record UnknownExecutable(String kind, Meta meta, List<FloatItem> costs, List<FloatItem> metrics, String phase, Schedule schedule,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements Executable {
}
