package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** CPU architecture (default amd64) and operating system (default linux) of an image. */
public record DockerPlatform(String architecture, String os,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {
}
