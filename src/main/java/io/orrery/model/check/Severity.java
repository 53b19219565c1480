package io.orrery.model.check;

/** How bad a finding is: an error stops a request from being sent; a warning does not. */
public enum Severity {
    ERROR, WARNING;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
