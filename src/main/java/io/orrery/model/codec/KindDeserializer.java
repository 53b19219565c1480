package io.orrery.model.codec;

import io.orrery.model.Kind;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * Chooses the record for a polymorphic component from its {@code kind}; a kind it does not know (an extension or a
 * template placeholder) goes to the family's Unknown record, which keeps every field.
 */
final class KindDeserializer<T> extends ValueDeserializer<T> {
    private final Map<Kind, Class<? extends T>> byKind;
    private final Class<? extends T> fallback;

    KindDeserializer(Map<Kind, Class<? extends T>> byKind, Class<? extends T> fallback) {
        this.byKind = byKind;
        this.fallback = fallback;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) {
        JsonNode node = ctxt.readTree(p);
        String kind = node.path("kind").asString(null);
        Class<? extends T> target = Dialect.parseUri(kind).map(r -> byKind.get(r.kind())).orElse(null);
        Class<? extends T> chosen = target == null ? fallback : target;
        return chosen.cast(ctxt.readTreeAsValue(node, (Class<?>) chosen));
    }
}
