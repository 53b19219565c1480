package io.orrery.cli;

import io.orrery.client.Broker;
import io.orrery.client.BrokerError;
import io.orrery.client.BrokerRegistry;
import io.orrery.client.Brokers;
import io.orrery.client.LocalBroker;
import java.time.Clock;
import java.util.function.Function;

/**
 * The broker a session URL belongs to, for commands that read it again and again: a remote broker over HTTP (with
 * the registered credentials), or a built-in one opened from its store for each call and let go again, so that the
 * window or another command may use it in between.
 */
final class SessionBroker implements AutoCloseable {
    private final String url;
    private final Broker remote;

    private SessionBroker(String url, Broker remote) {
        this.url = url;
        this.remote = remote;
    }

    /** The broker of a session URL, or of its number in the last 'orrery offers' listing. */
    static SessionBroker of(String urlOrIndex) throws LastListing.Problem {
        String url = LastListing.isIndex(urlOrIndex)
                ? LastListing.pick(BrokerRegistry.defaultDirectory(), urlOrIndex).url() : urlOrIndex;
        return new SessionBroker(url, LocalBroker.isBuiltIn(url) ? null
                : Brokers.forResource(url, ClientSupport.registry(), Clock.systemUTC()));
    }

    /** The session's URL. */
    String url() {
        return url;
    }

    /** Calls the broker; a built-in one is opened for the call and closed after it. */
    <T> T call(Function<Broker, T> f) {
        if (remote != null) {
            return f.apply(remote);
        }
        try (BuiltInBrokers builtIns = BuiltInBrokers.open()) {
            return f.apply(builtIns.forUrl(url));
        } catch (BuiltInBrokers.InUse e) {
            throw new BrokerError(BrokerError.Kind.REFUSED, 0, e.getMessage());
        }
    }

    @Override
    public void close() {
        if (remote != null) {
            remote.close();
        }
    }
}
