package io.orrery.workbench.event;

/**
 * Add this dataset to the open task as an input data resource (a {@code simple-data-resource} at {@code url}):
 * another tool sent it through SAMP. {@code name} is what the sender called it (or null), {@code from} who sent it.
 */
public record AddDataResource(String url, String name, String from) {
}
