package io.orrery.workbench.event;

import io.orrery.client.Outcome;
import java.time.Instant;

/** A broker answered an ask (offers, NO, or a failure): the brokers pane notes its health. */
public record BrokerAnswered(Outcome outcome, Instant at) {
}
