package io.orrery.model.codec;

import io.orrery.model.check.Position;

/** The text is not well-formed YAML or JSON, or breaks a safety limit; says where. */
public final class SyntaxException extends RuntimeException {
    private final transient Position position;

    public SyntaxException(String message, Position position) {
        super(message);
        this.position = position;
    }

    public Position position() {
        return position;
    }
}
