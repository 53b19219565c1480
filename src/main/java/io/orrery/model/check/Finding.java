package io.orrery.model.check;

/**
 * One thing found wrong (or worth knowing) in a document, at a JSON pointer into the model tree
 * ({@code /compute/cores/min}); {@link io.orrery.model.codec.ParsedDocument#locate} turns it into a line and column
 * of the source text.
 */
public record Finding(Severity severity, String pointer, String message) {

    public static Finding error(String pointer, String message) {
        return new Finding(Severity.ERROR, pointer, message);
    }

    public static Finding warning(String pointer, String message) {
        return new Finding(Severity.WARNING, pointer, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
