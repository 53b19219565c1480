package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A row of DataLink metadata about a data product. */
public record DataLink(@JsonProperty("ID") String id,
                       @JsonProperty("access_url") String accessUrl,
                       @JsonProperty("service_def") String serviceDef,
                       @JsonProperty("error_message") String errorMessage,
                       String description,
                       String semantics,
                       @JsonProperty("content_type") String contentType,
                       @JsonProperty("content_length") Long contentLength,
                       @JsonProperty("content_qualifier") String contentQualifier,
                       @JsonProperty("local_semantics") String localSemantics,
                       @JsonProperty("link_auth") String linkAuth,
                       @JsonProperty("link_authorized") String linkAuthorized,
                       @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {
}
