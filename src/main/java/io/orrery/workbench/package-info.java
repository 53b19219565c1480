/**
 * The workbench window (JavaFX): one package per feature (editor, brokers, offers, timeline, monitor, what-if,
 * library), each a view and a view-model that is tested without the toolkit.
 *
 * <p>May use: {@link io.orrery.client} and {@link io.orrery.model}, and of the broker core only the what-if sandbox
 * ({@code io.orrery.broker.whatif}) and the platform catalogue ({@code io.orrery.broker.platform}); never the server
 * nor the command line (ArchitectureTest).
 */
package io.orrery.workbench;
