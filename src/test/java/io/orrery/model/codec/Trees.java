package io.orrery.model.codec;

import io.orrery.model.Kind;
import tools.jackson.databind.JsonNode;

/** Trees written compactly in tests. */
final class Trees {
    private Trees() {}

    /**
     * JSON with single quotes for double ones; K(NAME), S26(NAME), S25b(NAME), S25a(NAME) and D(NAME) stand for a
     * kind's URI in the newest, 2026-05, 2025-10, 2025-04 and 2023 generations.
     */
    static JsonNode json(String text) {
        String t = text.replace('\'', '"');
        for (Kind k : Kind.values()) {
            t = t.replace("K(" + k.name() + ")", k.uri());
            t = t.replace("S26(" + k.name() + ")", Dialect.V2026_05.uri(k));
            t = t.replace("S25b(" + k.name() + ")", Dialect.V2025_10.uri(k));
            t = t.replace("S25a(" + k.name() + ")", Dialect.V2025_04.uri(k));
            t = t.replace("D(" + k.name() + ")", Dialect.V2023.uri(k));
        }
        return ModelMapper.TREE.readTree(t);
    }
}
