package io.orrery.model.codec;

import io.orrery.model.check.Position;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * One parsed YAML or JSON document, with the source position of every node by JSON pointer. The positions are
 * worked out only when first asked for (most documents have nothing to report).
 */
public final class SourceDocument {
    private final JsonNode tree;
    private final Supplier<Map<String, Position>> scan;
    private Map<String, Position> positions;

    SourceDocument(JsonNode tree, Supplier<Map<String, Position>> scan) {
        this.tree = tree;
        this.scan = scan;
    }

    public JsonNode tree() {
        return tree;
    }

    /** The position of the node at pointer, or of its nearest ancestor that has one. */
    public synchronized Position positionOf(String pointer) {
        if (positions == null) {
            positions = scan.get();
        }
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
