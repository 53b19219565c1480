/**
 * The broker core: platforms, the reservation calendar, the offer engine and the session lifecycle, on a clock,
 * and its seams: {@link io.orrery.broker.session.ExecutionAdapter} for execution and
 * {@link io.orrery.broker.store.SessionStore} (with its SQLite implementation) for persistence.
 * {@code orrery serve} and the workbench's offline brokers both run it.
 *
 * <p>May use: {@link io.orrery.model}, the JDK (JDBC included) and Jackson; never JavaFX, an HTTP client or server,
 * nor any other part of Orrery (ArchitectureTest).
 */
package io.orrery.broker;
