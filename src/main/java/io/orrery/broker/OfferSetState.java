package io.orrery.broker;

import io.orrery.model.Message;
import java.time.Instant;
import java.util.List;

/** An offer set as the core keeps it: the answer, its reasons, and the uuids of its offers. */
record OfferSetState(String uuid, Instant created, String result, List<Message> messages, List<String> offers) {
}
