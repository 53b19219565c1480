package io.orrery.workbench.event;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * How the window's features talk without holding references to one another (after the AtlantaFX sampler's event
 * bus): a feature publishes a record, and every subscriber to its type (or to an interface it implements) receives
 * it. Delivery is on the JavaFX thread: at once when published there, queued onto it when published from any other
 * thread. Subscribers are looked up at delivery, so one that unsubscribed meanwhile receives nothing; a subscriber
 * that throws is reported to the thread's handler and the others still receive the event.
 */
public final class EventBus {
    private final Map<Class<?>, List<Consumer<Object>>> subscribers = new ConcurrentHashMap<>();
    private final Map<Class<?>, Record> last = new ConcurrentHashMap<>();
    private final BooleanSupplier onUiThread;
    private final Executor ui;

    /** A bus that delivers with {@code ui} unless {@code onUiThread} says the publisher is already there. */
    public EventBus(BooleanSupplier onUiThread, Executor ui) {
        this.onUiThread = onUiThread;
        this.ui = ui;
    }

    /** The window's bus: it delivers on the JavaFX thread. */
    public static EventBus onFxThread() {
        return new EventBus(Platform::isFxApplicationThread, Platform::runLater);
    }

    /** Delivers every later event of that type (or a subtype) to the subscriber, until it unsubscribes. */
    public <E> Subscription subscribe(Class<E> type, Consumer<? super E> subscriber) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subscriber, "subscriber");
        Consumer<Object> typed = event -> subscriber.accept(type.cast(event));
        List<Consumer<Object>> list = subscribers.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>());
        list.add(typed);
        return () -> list.remove(typed);
    }

    /** Hands the event to its subscribers on the JavaFX thread (from any thread). */
    public void publish(Record event) {
        Objects.requireNonNull(event, "event");
        if (onUiThread.getAsBoolean()) {
            deliver(event);
        } else {
            ui.execute(() -> deliver(event));
        }
    }

    private void deliver(Record event) {
        last.put(event.getClass(), event);
        for (Map.Entry<Class<?>, List<Consumer<Object>>> e : subscribers.entrySet()) {
            if (!e.getKey().isInstance(event)) {
                continue;
            }
            for (Consumer<Object> s : e.getValue()) {
                try {
                    s.accept(event);
                } catch (RuntimeException x) {
                    Thread t = Thread.currentThread();
                    t.getUncaughtExceptionHandler().uncaughtException(t, x);
                }
            }
        }
    }

    /** The last event of exactly this type delivered, if any (for a feature that starts listening late). */
    public <E extends Record> Optional<E> last(Class<E> type) {
        return Optional.ofNullable(last.get(type)).map(type::cast);
    }

    /** How many subscribers this type has (those of its supertypes not counted). */
    public int subscribers(Class<?> type) {
        return subscribers.getOrDefault(type, List.of()).size();
    }
}
