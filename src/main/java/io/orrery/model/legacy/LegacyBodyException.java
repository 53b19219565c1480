package io.orrery.model.legacy;

/** A body of an older protocol that cannot be translated (a wrong type, a unit not understood): a 400 naming the field. */
public final class LegacyBodyException extends RuntimeException {
    private final String field;

    public LegacyBodyException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The body's field at fault (dotted), or null. */
    public String field() {
        return field;
    }
}
