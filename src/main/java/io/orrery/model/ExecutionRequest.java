package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** ExecutionRequest: "when can I run this executable, with these resources and this data?" */
public record ExecutionRequest(Executable executable, ComputeResource compute, List<StorageResource> storage,
                               List<DataResource> data, RequestedSchedule schedule, List<FloatItem> costs,
                               List<FloatItem> metrics,
                               @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements WireDocument {
}
