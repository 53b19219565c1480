package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** An object, or a whole bucket when object is blank, in an S3 service. */
public record S3Data(String kind, Meta meta, List<FloatItem> costs, List<FloatItem> metrics, String phase, Schedule schedule, String storage,
        String endpoint, String template, String bucket, String object,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements DataResource {
}
