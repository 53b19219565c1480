/**
 * What the window's features say to one another: a typed {@link io.orrery.workbench.event.EventBus} that delivers
 * on the JavaFX thread, and the events, as records. A feature publishes what happened (or what it asks of another
 * feature) and subscribes to what it needs, so that no feature's controller holds a reference to another's.
 */
package io.orrery.workbench.event;
