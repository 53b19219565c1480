/**
 * {@code orrery serve}: the broker core behind the ExecutionBroker web API (Jetty 12), with optional SQLite
 * persistence and authentication, and the limits that keep it answering whatever arrives.
 *
 * <p>May use: {@link io.orrery.broker}, {@link io.orrery.model} and Jetty; never the client, the window or the
 * command line, nor JavaFX (ArchitectureTest).
 */
package io.orrery.server;
