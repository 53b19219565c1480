package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A published port: internal port, server-filled external port, protocol (UDP, TCP, HTTP, HTTPS) and URL path. */
public record DockerPort(Boolean access, PortNumber internal, ExternalPort external, String protocol, String path,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {
}
