package io.orrery.client;

import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.broker.platform.PlatformException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/** Turns what a user names (a URL, a registered name, or {@code builtin:NAME}) into a broker to talk to. */
public final class Brokers {
    private Brokers() {}

    public static Broker open(String nameOrUrl, BrokerRegistry registry, Clock clock) {
        return open(nameOrUrl, registry, clock, null);
    }

    /**
     * The same, waiting no longer than limit for a connection or an answer (a broker's own timeouts from the
     * registry apply when they are shorter); null for the broker's own timeouts.
     */
    public static Broker open(String nameOrUrl, BrokerRegistry registry, Clock clock, Duration limit) {
        if (nameOrUrl.startsWith("builtin:")) {
            String platform = nameOrUrl.substring("builtin:".length());
            try {
                return new LocalBroker(nameOrUrl, PlatformCatalog.load(platform), clock);
            } catch (PlatformException e) {
                throw new BrokerError(BrokerError.Kind.NOT_FOUND, 0, e.getMessage());
            }
        }
        if (nameOrUrl.startsWith("http://") || nameOrUrl.startsWith("https://")) {
            BrokerConfig c = registry.forUrl(nameOrUrl).orElse(BrokerConfig.of(nameOrUrl, nameOrUrl));
            return of(c.at(nameOrUrl).within(limit), clock);
        }
        BrokerConfig c = registry.named(nameOrUrl).orElseThrow(() -> new BrokerError(BrokerError.Kind.NOT_FOUND, 0,
                "no broker named '" + nameOrUrl + "' (see 'orrery brokers list'); give a URL or builtin:NAME"));
        return c.builtIn() ? open(c.url(), registry, clock) : of(c.within(limit), clock);
    }

    /** The broker a remote entry stands for, speaking its protocol. */
    public static Broker of(BrokerConfig c, Clock clock) {
        return switch (c.protocol()) {
            case EXECUTION_BROKER -> new HttpBroker(c, clock);
            case CANIDOTHIS -> new CanIDoThisBroker(c, clock);
            case SRCNET_COMPUTE -> new SrcnetBroker(c, clock);
        };
    }

    /** The broker an offer or session URL belongs to: its registered entry (for credentials), else the URL's root. */
    public static Broker forResource(String url, BrokerRegistry registry, Clock clock) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new BrokerError(BrokerError.Kind.REFUSED, 0, "'" + url + "' is not an http(s) URL of an offer or"
                    + " session");
        }
        BrokerConfig c = registry.forUrl(url).orElseGet(() -> {
            URI u = URI.create(url);
            String root = u.getScheme() + "://" + u.getRawAuthority();
            return BrokerConfig.of(root, root);
        });
        return of(c, clock);
    }
}
