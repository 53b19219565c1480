/**
 * {@code orrery serve}: the broker core behind the ExecutionBroker web API (Jetty 12), with optional SQLite
 * persistence and authentication, and the limits that keep it answering whatever arrives; the same web API over a
 * {@link io.orrery.server.Front} that is not the core (a federation of brokers, {@link io.orrery.server.FrontServer}).
 *
 * <p>May use: {@link io.orrery.broker}, {@link io.orrery.model}, Jetty and Nimbus JOSE+JWT (OIDC access tokens); never the client, the window or the
 * command line, nor JavaFX (ArchitectureTest).
 */
package io.orrery.server;
