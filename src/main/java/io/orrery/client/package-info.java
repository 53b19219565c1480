/**
 * Talking to brokers as they are: Orrery's own and the reference broker in every generation, with its quirks.
 * {@link io.orrery.client.Broker} is one broker (over HTTP, or in process: {@link io.orrery.client.LocalBroker}, the
 * window's way to the built-in brokers); {@link io.orrery.client.FanOut} asks many at once;
 * {@link io.orrery.client.compare} lines their offers up, {@link io.orrery.client.export} writes them out as CSV, JSON
 * or VOTable, and {@link io.orrery.client.samp} sends them to the VO tools over SAMP.
 *
 * <p>May use: {@link io.orrery.broker}, {@link io.orrery.model}, OkHttp and JSAMP; never the server, the window or the
 * command line, nor JavaFX (ArchitectureTest).
 */
package io.orrery.client;
