package io.orrery.client;

import io.orrery.model.OfferSet;
import java.time.Duration;
import java.util.List;

/** What one broker answered: offers, a NO with its reasons, or an error. */
public sealed interface Outcome {
    String broker();

    /** How long the broker took. */
    Duration elapsed();

    /** YES: the offer set, and what the client noticed about it (offers that break the request, quirks). */
    record Offers(String broker, OfferSet offerSet, List<String> warnings, Duration elapsed) implements Outcome {
    }

    /** NO, with the broker's reasons (which may be none: some brokers say NO silently). */
    record No(String broker, OfferSet offerSet, List<String> reasons, Duration elapsed) implements Outcome {
    }

    /** No usable answer. */
    record Failed(String broker, BrokerError error, Duration elapsed) implements Outcome {
    }
}
