package io.orrery.model.check;

/** A finding placed in its source: line, column, and the field as the user wrote it ({@code storage[0].size.min}). */
public record LocatedFinding(Severity severity, Position position, String message, String field) {

    /** {@code FILE:LINE:COLUMN: error|warning: message (path.to.field)}. */
    public String format(String file) {
        return file + ":" + position.line() + ":" + position.column() + ": " + severity.label() + ": " + message
                + (field == null || field.isEmpty() ? "" : " (" + field + ")");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
