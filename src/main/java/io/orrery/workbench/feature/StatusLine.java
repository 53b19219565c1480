package io.orrery.workbench.feature;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The window's status line as the features use it. {@link #say} and {@link #notice} may be called from any thread
 * (the words reach the line on the JavaFX thread); the busy indicator is for the JavaFX thread only.
 */
public interface StatusLine {
    /** Says something in the status line. */
    void say(String message);

    /** Says it in the status line and in a notification in the corner of the window. */
    void notice(String message);

    void busyStart();

    void busyEnd();

    /**
     * Runs work with the busy indicator on until it completes, however it completes; a failure is said as
     * "{@code failing}: reason". The result comes on the JavaFX thread: the work's value, or empty when it failed.
     */
    <T> CompletableFuture<Optional<T>> busyWhile(String failing, Supplier<CompletableFuture<T>> work);
}
