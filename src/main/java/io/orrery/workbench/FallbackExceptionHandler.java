package io.orrery.workbench;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The last resort for exceptions that nothing else caught (like JabRef's FallbackExceptionHandler): installed at
 * start for every thread and for the JavaFX thread, it writes the exception with its stack to the {@link FailureLog}
 * and tells the user, in words, where the log is. It never throws itself; without a log it prints to standard
 * error (masked, without the stack).
 */
public final class FallbackExceptionHandler implements Thread.UncaughtExceptionHandler {
    private final FailureLog log;
    private volatile Consumer<String> tell = message -> { };

    /** A handler writing to log (null: standard error only). */
    public FallbackExceptionHandler(FailureLog log) {
        this.log = log;
    }

    /** A handler for every thread that has none of its own; returns it so the JavaFX thread can get it too. */
    public static FallbackExceptionHandler install(FailureLog log) {
        FallbackExceptionHandler h = new FallbackExceptionHandler(log);
        Thread.setDefaultUncaughtExceptionHandler(h);
        return h;
    }

    /** Handles the current thread's uncaught exceptions too (call it on the JavaFX thread). */
    public void installOnCurrentThread() {
        Thread.currentThread().setUncaughtExceptionHandler(this);
    }

    /** How to tell the user (called on the thread that failed, so it must hand over to the JavaFX thread itself). */
    public void tellWith(Consumer<String> tell) {
        this.tell = tell;
    }

    /** The log file, if there is one. */
    public Path logFile() {
        return log == null ? null : log.file();
    }

    @Override
    public void uncaughtException(Thread thread, Throwable e) {
        try {
            String what = FailureLog.redact(e.getClass().getSimpleName() + (e.getMessage() == null
                    || e.getMessage().isBlank() ? "" : ": " + e.getMessage()));
            String message;
            if (log != null) {
                log.failure(thread, e);
                message = "Orrery ran into an unexpected error (" + what + "). What it was doing may not have"
                        + " finished. The details are in the log: " + log.file();
            } else {
                message = "Orrery ran into an unexpected error (" + what + "). What it was doing may not have"
                        + " finished.";
            }
            System.err.println("orrery: " + e.getClass().getName() + " on thread \"" + thread.getName() + "\": "
                    + what + (log == null ? "" : " (details in " + log.file() + ")"));
            tell.accept(message);
        } catch (Throwable inner) {
            // the last resort must not fail in turn (nor loop): one masked line, then nothing more
            try {
                System.err.println("orrery: an unexpected error (" + e.getClass().getName() + "), and it could not"
                        + " be logged: " + inner.getClass().getName());
            } catch (Throwable ignored) {
                // nowhere left to say it
            }
        }
    }
}
