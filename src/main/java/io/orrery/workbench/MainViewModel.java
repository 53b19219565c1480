package io.orrery.workbench;

import io.orrery.client.BrokerError;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** State of the main window, kept apart from the nodes so that it can be tested without the toolkit. */
public final class MainViewModel {
    private final StringProperty title = new SimpleStringProperty("Orrery");
    private final StringProperty status = new SimpleStringProperty();
    private final IntegerProperty busy = new SimpleIntegerProperty();

    public MainViewModel() {
        status.set("Ready. " + io.orrery.model.Version.text());
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** How many pieces of work are under way (the busy indicator shows while it is above zero). */
    public IntegerProperty busyProperty() {
        return busy;
    }

    public void busyStart() {
        busy.set(busy.get() + 1);
    }

    public void busyEnd() {
        busy.set(Math.max(0, busy.get() - 1));
    }

    /**
     * Runs work with the busy indicator on, and turns it off when the work completes however it completes: with a
     * result, exceptionally, cancelled, or by throwing before it even started. A failure is said in the status line
     * as "{@code failing}: reason". Call it on {@code ui}; the result comes on {@code ui}, after the indicator went
     * off: the work's value, or empty when it failed.
     */
    public <T> CompletableFuture<Optional<T>> busyWhile(String failing, Supplier<CompletableFuture<T>> work, Executor ui) {
        busyStart();
        CompletableFuture<T> running;
        try {
            running = work.get();
        } catch (RuntimeException e) {
            running = CompletableFuture.failedFuture(e);
        }
        return running.handleAsync((v, e) -> {
            busyEnd();
            if (e != null) {
                say(failing + ": " + reason(e));
                return Optional.<T>empty();
            }
            return Optional.ofNullable(v);
        }, ui);
    }

    /** Why some work failed, in words: the cause under the future's wrapping, never just "null". */
    public static String reason(Throwable e) {
        Throwable c = e;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c instanceof CancellationException ? "stopped before it finished" : BrokerError.plain(c);
    }

    public void say(String message) {
        if (message != null && !message.isBlank()) {
            status.set(message);
        }
    }
}
