package io.orrery.client;

import java.time.Duration;

/** One broker the user talks to: a name, its base URL (or {@code builtin:NAME}), credentials and timeouts. */
public record BrokerConfig(String name, String url, Credentials credentials, Duration connectTimeout,
                           Duration readTimeout) {
    public static final Duration CONNECT = Duration.ofSeconds(5);
    public static final Duration READ = Duration.ofSeconds(30);

    public static BrokerConfig of(String name, String url) {
        return new BrokerConfig(name, url, Credentials.NONE, CONNECT, READ);
    }

    public BrokerConfig withTimeouts(Duration connect, Duration read) {
        return new BrokerConfig(name, url, credentials, connect, read);
    }

    /** The same broker, waiting no longer than limit to connect or for an answer (as is when limit is null). */
    public BrokerConfig within(Duration limit) {
        if (limit == null) {
            return this;
        }
        return withTimeouts(connectTimeout.compareTo(limit) > 0 ? limit : connectTimeout,
                readTimeout.compareTo(limit) > 0 ? limit : readTimeout);
    }

    public BrokerConfig withCredentials(Credentials c) {
        return new BrokerConfig(name, url, c, connectTimeout, readTimeout);
    }

    public boolean builtIn() {
        return url.startsWith("builtin:");
    }
}
