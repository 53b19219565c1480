/**
 * A broker of brokers ({@code orrery serve --federate FILE}): one ExecutionBroker address in front of several
 * upstream brokers, asked at once with the client's fan-out, their offers merged into one offer set.
 *
 * <p>May use: the client (to talk to the upstreams), the server (to answer its own users with the same web API,
 * limits and authentication), the broker core's exceptions and messages, and the model; never the window or the
 * command line (ArchitectureTest).
 */
package io.orrery.federation;
