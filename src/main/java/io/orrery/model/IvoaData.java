package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** An IVOA data product described by its ivoid, ObsCore row and DataLink row. */
public record IvoaData(String kind, Meta meta, List<FloatItem> costs, List<FloatItem> metrics, String phase, Schedule schedule, String storage, IvoaBlock ivoa,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements DataResource {
}
