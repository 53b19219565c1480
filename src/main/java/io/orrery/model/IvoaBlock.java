package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** IVOA metadata: the data identifier, an ObsCore row and a DataLink row. */
public record IvoaBlock(String ivoid, ObsCore obscore, DataLink datalink,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {
}
