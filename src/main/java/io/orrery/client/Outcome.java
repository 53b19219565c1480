package io.orrery.client;

import io.orrery.client.compare.OfferChecks;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.ExecutionSession;
import io.orrery.model.OfferSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What one broker answered: offers, a NO with its reasons, or an error. */
public sealed interface Outcome {
    String broker();

    /** How long the broker took. */
    Duration elapsed();

    /**
     * YES: the offer set, and what the client noticed about it: the broker's own warnings (its WARN messages), and
     * per offer ("UUID: ...") where it breaks the request, quirks and the broker's warnings about that offer.
     */
    record Offers(String broker, OfferSet offerSet, List<String> warnings, Duration elapsed) implements Outcome {
    }

    /** NO, with the broker's reasons (which may be none: some brokers say NO silently). */
    record No(String broker, OfferSet offerSet, List<String> reasons, Duration elapsed) implements Outcome {
    }

    /** No usable answer. */
    record Failed(String broker, BrokerError error, Duration elapsed) implements Outcome {
    }

    /** A broker's offer set as an outcome, its offers checked against the request at time now. */
    static Outcome of(String broker, ExecutionRequest request, OfferSet set, Instant now, Duration took) {
        if (!"YES".equals(set.result()) || set.offers() == null || set.offers().isEmpty()) {
            List<String> reasons = new ArrayList<>();
            if (set.meta() != null && set.meta().messages() != null) {
                set.meta().messages().forEach(m -> reasons.add(m.text()));
            }
            if (reasons.isEmpty()) {
                reasons.add("the broker said NO without a reason (reference brokers do this when no slot fits)");
            }
            return new No(broker, set, reasons, took);
        }
        List<String> warnings = new ArrayList<>(OfferChecks.brokerWarnings(set.meta()));
        for (ExecutionSession offer : set.offers()) {
            List<String> flags = new ArrayList<>(OfferChecks.flags(request, offer, now));
            flags.addAll(OfferChecks.brokerWarnings(offer.meta()));
            flags.forEach(f -> warnings.add(offer.meta().uuid() + ": " + f));
        }
        return new Offers(broker, set, warnings, took);
    }
}
