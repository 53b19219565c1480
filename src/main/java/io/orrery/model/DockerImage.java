package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Where a container image is, its sha256 digest and the platform it was built for. */
public record DockerImage(List<String> locations, String digest, DockerPlatform platform,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {
}
