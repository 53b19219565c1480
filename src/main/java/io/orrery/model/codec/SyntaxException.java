package io.orrery.model.codec;

import io.orrery.model.check.Position;

/** The text is not well-formed YAML or JSON, or breaks a safety limit; says where. */
public final class SyntaxException extends RuntimeException {
    private final transient Position position;
    private final boolean limit;

    public SyntaxException(String message, Position position) {
        this(message, position, false);
    }

    SyntaxException(String message, Position position, boolean limit) {
        super(message);
        this.position = position;
        this.limit = limit;
    }

    /** Whether the text broke a safety limit (size, nesting, aliases) rather than the grammar. */
    public boolean limit() {
        return limit;
    }

    public Position position() {
        return position;
    }
}
