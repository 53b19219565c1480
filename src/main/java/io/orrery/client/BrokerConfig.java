package io.orrery.client;

import io.orrery.client.oidc.OidcSettings;
import java.time.Duration;

/**
 * One broker the user talks to: a name, its base URL (or {@code builtin:NAME}), the protocol it speaks, credentials
 * and timeouts, and the OpenID issuer its users sign in at (null for none).
 */
public record BrokerConfig(String name, String url, Protocol protocol, Credentials credentials, Duration connectTimeout,
                           Duration readTimeout, OidcSettings oidc) {
    public static final Duration CONNECT = Duration.ofSeconds(5);
    public static final Duration READ = Duration.ofSeconds(30);

    public BrokerConfig {
        protocol = protocol == null ? Protocol.EXECUTION_BROKER : protocol;
        credentials = credentials == null ? Credentials.NONE : credentials;
    }

    public BrokerConfig(String name, String url, Protocol protocol, Credentials credentials, Duration connectTimeout,
                        Duration readTimeout) {
        this(name, url, protocol, credentials, connectTimeout, readTimeout, null);
    }

    /** An ExecutionBroker (its generation detected on first contact), without credentials, with default timeouts. */
    public static BrokerConfig of(String name, String url) {
        return new BrokerConfig(name, url, Protocol.EXECUTION_BROKER, Credentials.NONE, CONNECT, READ);
    }

    public BrokerConfig withTimeouts(Duration connect, Duration read) {
        return new BrokerConfig(name, url, protocol, credentials, connect, read, oidc);
    }

    /** The same, waiting no longer than limit to connect or for an answer (as is when limit is null). */
    public BrokerConfig within(Duration limit) {
        if (limit == null) {
            return this;
        }
        return withTimeouts(connectTimeout.compareTo(limit) > 0 ? limit : connectTimeout,
                readTimeout.compareTo(limit) > 0 ? limit : readTimeout);
    }

    public BrokerConfig withCredentials(Credentials c) {
        return new BrokerConfig(name, url, protocol, c, connectTimeout, readTimeout, oidc);
    }

    public BrokerConfig withProtocol(Protocol p) {
        return new BrokerConfig(name, url, p, credentials, connectTimeout, readTimeout, oidc);
    }

    /** The same broker settings at another address (a URL given in full for a registered broker). */
    public BrokerConfig at(String otherUrl) {
        return new BrokerConfig(name, otherUrl, protocol, credentials, connectTimeout, readTimeout, oidc);
    }

    public boolean builtIn() {
        return url.startsWith("builtin:");
    }
}
