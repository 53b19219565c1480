package io.orrery.model;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** AbstractComponent: every component has a {@code kind} URI, metadata, costs and metrics. */
public interface Component {
    String kind();

    Meta meta();

    List<FloatItem> costs();

    List<FloatItem> metrics();

    /** Fields this model does not know, kept in order so that they are written back unchanged. */
    Map<String, JsonNode> extras();

    /** The client-given name, or null. */
    default String name() {
        return meta() == null ? null : meta().name();
    }
}
