/**
 * {@code orrery serve}: the broker core behind the ExecutionBroker web API (Jetty 12), with optional SQLite
 * persistence and authentication.
 */
package io.orrery.server;
