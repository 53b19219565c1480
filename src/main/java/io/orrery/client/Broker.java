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

    @Override
    void close();
}
