package io.orrery.workbench.editor;

import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Nothing unsaved is lost: before the buffer is replaced or the window closes, a modified buffer is offered to be
 * saved (Save, Don't save, Cancel). Save goes on only once the text is written (a Save as that is cancelled or a
 * save that fails stops there, the text kept); Don't save goes on; Cancel leaves everything as it was. One question
 * at a time: asking again while one is open does nothing. Use it on the JavaFX thread.
 */
public final class UnsavedGuard {
    /** The user's answer to "save the changes?". */
    public enum Choice { SAVE, DISCARD, CANCEL }

    /** Asks the user, without blocking, what to do with the changes before {@code doing}; answers once. */
    public interface Prompt {
        void ask(String doing, Consumer<Choice> answer);
    }

    private final BooleanSupplier modified;
    private final Supplier<CompletableFuture<Boolean>> save;
    private final Prompt prompt;
    private boolean asking;

    /** {@code save} writes the text (asking where if need be) and completes with whether it did. */
    public UnsavedGuard(BooleanSupplier modified, Supplier<CompletableFuture<Boolean>> save, Prompt prompt) {
        this.modified = modified;
        this.save = save;
        this.prompt = prompt;
    }

    /**
     * Runs {@code proceed} at once when nothing is unsaved, else once the user has saved or discarded the changes;
     * never when they cancel. {@code doing} names what waits ("opening 11-32-cores-4-hours.yaml", "quitting").
     */
    public void then(String doing, Runnable proceed) {
        if (!modified.getAsBoolean()) {
            proceed.run();
            return;
        }
        if (asking) {
            return;
        }
        asking = true;
        prompt.ask(doing, choice -> {
            asking = false;
            switch (choice) {
                case SAVE -> save.get().thenAccept(saved -> {
                    if (saved) {
                        proceed.run();
                    }
                });
                case DISCARD -> proceed.run();
                case CANCEL -> { }
            }
        });
    }

    /** Whether a question is open. */
    public boolean asking() {
        return asking;
    }
}
