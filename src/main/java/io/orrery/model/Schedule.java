package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A LifecycleSchedule or ScheduledExecutionSchedule: preparing, then available, then releasing. */
public record Schedule(StartDuration preparing, StartDuration available, StartDuration releasing,
                       @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {
}
