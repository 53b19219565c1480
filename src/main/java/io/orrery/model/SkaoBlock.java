package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** SKAO data-lake metadata: namespace (Rucio scope), object name and type, size in bytes, checksum, replicas. */
public record SkaoBlock(String namespace, String objectname, String objecttype, Long datasize, Checksum checksum, List<Replica> replicas,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {
}
