package io.orrery.client;

import io.orrery.model.ExecutionRequest;
import io.orrery.model.ExecutionSession;
import io.orrery.model.OfferSet;
import io.orrery.model.SessionPhase;
import java.util.concurrent.CompletableFuture;

/** One broker, over HTTP or in process. Errors are {@link BrokerError}s. */
public interface Broker extends AutoCloseable {
    String name();

    /** Asks for offers; completes with the outcome (never exceptionally), or is cancelled. */
    CompletableFuture<Outcome> ask(ExecutionRequest request);

    OfferSet offerSet(String url);

    ExecutionSession session(String url);

    /** Sets a session's phase (ACCEPTED, REJECTED, CANCELLED) and checks with a fresh read that it took. */
    UpdateResult update(String sessionUrl, SessionPhase target);

    /** Direct execution: the broker's best offer, accepted at once. */
    ExecutionSession direct(ExecutionRequest request);

    /**
     * Reads one output of a session ({@code stdout}, {@code stderr}, {@code exit} or {@code outputs/NAME}, as the
     * session's connectors name them) from a byte offset. A broker that keeps no outputs answers with a
     * {@link BrokerError} of kind NOT_FOUND.
     */
    default OutputChunk readOutput(String sessionUrl, String name, long offset) {
        throw new BrokerError(BrokerError.Kind.NOT_FOUND, 404, name() + " keeps no outputs for its sessions");
    }

    @Override
    void close();
}
