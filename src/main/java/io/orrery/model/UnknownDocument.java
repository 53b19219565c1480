package io.orrery.model;

import tools.jackson.databind.JsonNode;

/** A document that is none of the ExecutionBroker documents (for example a server's generic error body). */
public record UnknownDocument(JsonNode tree) implements WireDocument {
}
