package io.orrery.workbench.feature;

import io.orrery.workbench.event.Subscription;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.Property;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Everything a controller or view attached while active (listeners, bindings, bus subscriptions, items shown), so
 * that one call lets all of it go, newest first (after Bisq 2's pins and subscriptions). Use it on the JavaFX thread.
 */
public final class Pins {
    private final Deque<Runnable> releases = new ArrayDeque<>();

    public <T> void listen(ObservableValue<T> value, ChangeListener<? super T> listener) {
        value.addListener(listener);
        releases.push(() -> value.removeListener(listener));
    }

    public void listen(Observable observable, InvalidationListener listener) {
        observable.addListener(listener);
        releases.push(() -> observable.removeListener(listener));
    }

    public <E> void listen(ObservableList<E> list, ListChangeListener<? super E> listener) {
        list.addListener(listener);
        releases.push(() -> list.removeListener(listener));
    }

    /** Binds target to source, until released. */
    public <T> void bind(Property<T> target, ObservableValue<? extends T> source) {
        target.bind(source);
        releases.push(target::unbind);
    }

    /** Keeps both properties equal (b's value first), until released. */
    public <T> void bindBoth(Property<T> a, Property<T> b) {
        a.bindBidirectional(b);
        releases.push(() -> a.unbindBidirectional(b));
    }

    /** Shows {@code value} through the setter (a list's items, say), and {@code none} once released. */
    public <T> void show(Consumer<T> setter, T value, T none) {
        setter.accept(value);
        releases.push(() -> setter.accept(none));
    }

    public void add(Subscription subscription) {
        releases.push(subscription::unsubscribe);
    }

    /** Something to undo on release. */
    public void onRelease(Runnable release) {
        releases.push(release);
    }

    /** Lets everything go, newest first. */
    public void releaseAll() {
        while (!releases.isEmpty()) {
            releases.pop().run();
        }
    }

    /** How many things are held now. */
    public int size() {
        return releases.size();
    }
}
