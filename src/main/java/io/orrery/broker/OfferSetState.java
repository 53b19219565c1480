package io.orrery.broker;

import io.orrery.model.Message;
import java.time.Instant;
import java.util.List;

/** An offer set as the core keeps it: the answer, its reasons, its offers, who asked and in which dialect. */
record OfferSetState(String uuid, Instant created, String result, List<Message> messages, List<String> offers,
                     String owner, String dialect) {
}
