package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** ComponentMetadata: identity, links, messages and the updates a client may make. */
public record Meta(String uuid, String name, String url, String description, String created, String modified,
                   List<Message> messages, List<Option> options,
                   @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {
}
