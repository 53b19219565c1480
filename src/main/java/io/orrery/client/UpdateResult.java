package io.orrery.client;

import io.orrery.model.ExecutionSession;

/**
 * An update as the broker answered it and as a fresh read shows it: some brokers answer with the new phase but
 * never store it, so only the re-read counts, and {@code applied} says whether it took.
 */
public record UpdateResult(ExecutionSession answered, ExecutionSession reread, boolean applied, String warning) {
}
