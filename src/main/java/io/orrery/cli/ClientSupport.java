package io.orrery.cli;

import io.orrery.client.BrokerRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;

/** What the client commands share: the user's broker registry. */
final class ClientSupport {
    private ClientSupport() {}

    static BrokerRegistry registry() {
        try {
            return BrokerRegistry.load(BrokerRegistry.defaultDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the broker list in " + BrokerRegistry.defaultDirectory(), e);
        }
    }
}
