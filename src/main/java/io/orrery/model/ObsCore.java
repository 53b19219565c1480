package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A row of ObsCore metadata about a data product. */
public record ObsCore(@JsonProperty("obs_id") String obsId,
                      @JsonProperty("obs_collection") String obsCollection,
                      @JsonProperty("obs_publisher_did") String obsPublisherDid,
                      @JsonProperty("obs_creator_did") String obsCreatorDid,
                      @JsonProperty("dataproduct_type") String dataproductType,
                      @JsonProperty("calib_level") Integer calibLevel,
                      @JsonProperty("access_url") String accessUrl,
                      @JsonProperty("access_format") String accessFormat,
                      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {
}
