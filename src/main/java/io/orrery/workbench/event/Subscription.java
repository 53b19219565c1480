package io.orrery.workbench.event;

/** A subscriber's hold on the bus: let go of it, and it receives nothing more (not even an event already queued). */
@FunctionalInterface
public interface Subscription {
    void unsubscribe();
}
