package io.orrery.client;

import io.orrery.model.codec.Dialect;

/**
 * How a broker wants to be spoken to, learnt on first contact: the generation of the format, where offers and
 * direct execution are asked for, and whether updates go in an {@code update:} wrapper.
 */
public record BrokerProfile(Dialect dialect, String requestsPath, String directPath, boolean wrappedUpdates) {
    /** Orrery, and the reference broker from 2026-07 on. */
    public static final BrokerProfile NEWEST = new BrokerProfile(Dialect.NEWEST, "/requests", "/direct", false);
    /** The reference broker of 2026-05: {@code POST /offersets}, {@code POST /sessions}, EB v1.0 type URIs. */
    public static final BrokerProfile V2026_05 = new BrokerProfile(Dialect.V2026_05, "/offersets", "/sessions", false);
}
