package io.orrery.client;

import io.orrery.client.legacy.CanIDoThisAnswer;
import io.orrery.client.legacy.CanIDoThisQuestion;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.ExecutionSession;
import io.orrery.model.OfferSet;
import io.orrery.model.SessionPhase;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * A broker that speaks the 2021 ExecutionPlanner "CanIDoThis": the request is POSTed as a question to the broker's URL
 * as given (Orrery answers it at its root and at {@code /canidothis}), and its YES or NO is read as an offer set. The
 * protocol has nothing to accept, monitor or cancel: the offer it makes is for comparing, and says so.
 */
public final class CanIDoThisBroker implements Broker {
    private final OlderProtocol p;
    private final String url;

    public CanIDoThisBroker(BrokerConfig config, Clock clock) {
        this.p = new OlderProtocol(new Exchange(config), clock, "CanIDoThis (2021)");
        this.url = config.url();
    }

    @Override
    public String name() {
        return p.name();
    }

    @Override
    public CompletableFuture<Outcome> ask(ExecutionRequest request) {
        return p.ask(request, "POST", url, at -> CanIDoThisQuestion.of(request),
                (answer, question, at) -> CanIDoThisAnswer.read(answer, request, at));
    }

    @Override
    public OfferSet offerSet(String offerSetUrl) {
        throw p.cannot("keeps no offer sets: ask again");
    }

    @Override
    public ExecutionSession session(String sessionUrl) {
        throw p.cannot("has no sessions: it only says whether the broker could run the task");
    }

    @Override
    public UpdateResult update(String sessionUrl, SessionPhase target) {
        throw p.cannot("has no accept, reject or cancel: it only says whether the broker could run the task");
    }

    @Override
    public ExecutionSession direct(ExecutionRequest request) {
        throw p.cannot("has no direct execution: it only says whether the broker could run the task");
    }

    @Override
    public void close() {
        // the connection pool is shared
    }
}
