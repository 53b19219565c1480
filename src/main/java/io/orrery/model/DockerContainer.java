package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A Docker/OCI container: image, entry point, command, environment and network ports. */
public record DockerContainer(String kind, Meta meta, List<FloatItem> costs, List<FloatItem> metrics, String phase, Schedule schedule,
        DockerImage image, Boolean privileged, String entrypoint, List<String> command, Map<String, String> environment,
        DockerNetwork network,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements Executable {
}
