package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A simple or scheduled execution session (an offer while OFFERED). The kind tells which; a simple session
 * has no session-level {@code schedule}.
 */
public record ExecutionSession(String kind, Meta meta, List<FloatItem> costs, List<FloatItem> metrics,
                               Executable executable, ComputeResource compute, List<StorageResource> storage,
                               List<DataResource> data, String phase, String expires, Schedule schedule,
                               List<Connector> connectors,
                               @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras)
        implements Component, WireDocument {
}
