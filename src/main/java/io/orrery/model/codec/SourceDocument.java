package io.orrery.model.codec;

import io.orrery.model.check.Position;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** One parsed YAML or JSON document with the source position of every node, by JSON pointer. */
public record SourceDocument(JsonNode tree, Map<String, Position> positions) {

    /** The position of the node at pointer, or of its nearest ancestor that has one. */
    public Position positionOf(String pointer) {
        String p = pointer;
        while (true) {
            Position pos = positions.get(p);
            if (pos != null) {
                return pos;
            }
            if (p.isEmpty()) {
                return Position.START;
            }
            p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
        }
    }
}
