package io.orrery.workbench.feature;

/**
 * A feature's controller (after Bisq 2's): it makes its view-model and view, and on activation binds the view to the
 * view-model and subscribes to the events it needs, holding each of them in its {@link Pins}; deactivation lets
 * every one go, so a feature can be torn down without leaving a listener behind. Activate and deactivate it on the
 * JavaFX thread; each is idempotent.
 */
public abstract class Controller {
    private final Pins pins = new Pins();
    private boolean active;

    public final void activate() {
        if (!active) {
            active = true;
            onActivate(pins);
        }
    }

    public final void deactivate() {
        if (active) {
            active = false;
            pins.releaseAll();
            onDeactivate();
        }
    }

    public final boolean isActive() {
        return active;
    }

    /** How many listeners, bindings and subscriptions the feature holds now: none once deactivated. */
    public final int pinned() {
        return pins.size();
    }

    /** Binds the view to the view-model and subscribes to events, every one through {@code pins}. */
    protected abstract void onActivate(Pins pins);

    /** Anything beyond the pins to stop (they are released already). */
    protected void onDeactivate() {
    }
}
