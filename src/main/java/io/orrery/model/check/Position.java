package io.orrery.model.check;

/** A 1-based line and column in a source text. */
public record Position(int line, int column) {
    public static final Position START = new Position(1, 1);
}
