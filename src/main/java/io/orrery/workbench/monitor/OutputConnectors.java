package io.orrery.workbench.monitor;

import io.orrery.model.Connector;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A session's output connectors ({@code urn:orrery:connector:output}: logs, exit code, files) as outputs to read. */
final class OutputConnectors {
    static final String KIND = "urn:orrery:connector:output";

    private OutputConnectors() {}

    static boolean isOutput(Connector c) {
        return KIND.equals(c.kind());
    }

    /** The outputs the connectors list, in their order; one without a name is skipped (nothing could read it). */
    static List<Watched.Output> of(List<Connector> connectors) {
        return connectors.stream().filter(OutputConnectors::isOutput).filter(c -> text(c.extras(), "name") != null)
                .map(c -> new Watched.Output(text(c.extras(), "name"), size(c.extras()), "AVAILABLE".equals(c.status())))
                .toList();
    }

    private static String text(Map<String, JsonNode> extras, String key) {
        JsonNode n = extras == null ? null : extras.get(key);
        return n != null && n.isString() ? n.asString() : null;
    }

    private static long size(Map<String, JsonNode> extras) {
        JsonNode n = extras == null ? null : extras.get("size");
        return n != null && n.isNumber() ? n.asLong() : 0;
    }
}
