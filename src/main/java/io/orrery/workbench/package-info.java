/**
 * The workbench window (JavaFX). {@link io.orrery.workbench.Workbench} is a shell: it makes one controller per
 * feature package (editor, library, brokers, offers, monitor, what-if, trade-off plot, the built-in brokers'
 * clock), lays out their views
 * ({@link io.orrery.workbench.WindowLayout}) and keeps the window's own things: menus ({@code MainView}), theme,
 * status line ({@code MainViewModel}, lent to the features as a {@link io.orrery.workbench.feature.StatusLine}),
 * the one-second tick, and closing. Each controller ({@link io.orrery.workbench.feature.Controller}, after Bisq 2)
 * owns its view-model (tested without the toolkit) and its view, binds them on activation and lets every listener
 * go on deactivation. Features talk only through the typed {@link io.orrery.workbench.event.EventBus}; the timeline
 * package is the chart control the offers and the monitor draw on.
 *
 * <p>May use: {@link io.orrery.client} and {@link io.orrery.model}, and of the broker core only the what-if sandbox
 * ({@code io.orrery.broker.whatif}) and the platform catalogue ({@code io.orrery.broker.platform}); never the server
 * nor the command line (ArchitectureTest).
 */
package io.orrery.workbench;
