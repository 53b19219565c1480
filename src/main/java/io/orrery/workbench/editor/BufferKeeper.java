package io.orrery.workbench.editor;

import io.orrery.workbench.feature.DaemonThreads;
import io.orrery.workbench.feature.StatusLine;
import io.orrery.workbench.library.Recovery;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * The unsaved text kept safe: copied aside every two seconds while it differs from its file (written on a thread
 * of its own, the state read on the JavaFX thread), forgotten once the text is clean again, offered back after a
 * crash, and forgotten on a normal close (the save prompt has settled what becomes of unsaved text by then).
 */
final class BufferKeeper {
    private final EditorViewModel model;
    private final Recovery recovery;
    private final StatusLine status;
    private final ScheduledExecutorService keeper = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("orrery-recovery"));
    private volatile boolean warned;
    /** Whether a copy may be on disk that a clean buffer should forget. */
    private volatile boolean kept;
    /** A demonstration neither keeps nor forgets copies: a crash's copy waits for the next real start. */
    private volatile boolean suspended;

    BufferKeeper(EditorViewModel model, Recovery recovery, StatusLine status) {
        this.model = model;
        this.recovery = recovery;
        this.status = status;
        keeper.scheduleWithFixedDelay(() -> {
            try {
                keep();
            } catch (RuntimeException e) {
                // a scheduled task that throws is never run again, silently: report it and keep the copies going
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
        }, 2, 2, TimeUnit.SECONDS);
    }

    /** Asks whether to take back the text a crash left; loads it if so (on the JavaFX thread). */
    boolean offerBack(Recovery.Buffer b, Window owner) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Orrery did not close normally. The editor held unsaved text"
                + (b.file() == null ? "" : " for " + b.file()) + " at " + b.whenText() + ". Recover it?",
                new ButtonType("Recover", ButtonBar.ButtonData.YES), new ButtonType("Discard", ButtonBar.ButtonData.NO));
        a.setHeaderText("Recover unsaved changes?");
        a.initOwner(owner);
        boolean yes = a.showAndWait().map(t -> t.getButtonData() == ButtonBar.ButtonData.YES).orElse(false);
        if (yes) {
            model.load(b.text(), b.file(), false, true);
            status.say("Recovered the unsaved text from " + b.whenText());
        } else {
            kept = true; // the next round, finding the buffer clean, forgets the copy
        }
        return yes;
    }

    /** Neither keeps nor forgets copies from now on (a demonstration). */
    void suspend() {
        suspended = true;
    }

    /** Copies the buffer aside while it is unsaved (on the keeper's thread; reads the state via the JavaFX thread). */
    private void keep() {
        if (suspended) {
            return;
        }
        CompletableFuture<String[]> state = new CompletableFuture<>();
        Platform.runLater(() -> state.complete(model.dirtyProperty().get() ? new String[] {model.textProperty().get(),
            model.fileProperty().get() == null ? null : model.fileProperty().get().toString()} : null));
        try {
            String[] s = state.get(5, TimeUnit.SECONDS);
            if (s != null) {
                recovery.keep(s[0], s[1] == null ? null : Path.of(s[1]));
                kept = true;
            } else if (kept) {
                recovery.clear(); // saved, or discarded: nothing unsaved to offer back after a crash
                kept = false;
            }
        } catch (IOException e) {
            // the buffer itself is untouched; say so once, and try again next round
            if (!warned) {
                warned = true;
                status.say("Cannot keep a recovery copy of the unsaved text: " + e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the JavaFX thread was busy: the next round tries again
        }
    }

    /**
     * Stops copying and forgets the copy: a normal close, after the user has saved or discarded the unsaved text.
     * A demonstration's close forgets nothing.
     */
    void close() {
        keeper.shutdownNow();
        try {
            keeper.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!suspended) {
            try {
                recovery.clear();
            } catch (IOException e) {
                status.say("Cannot forget the recovery copy: " + e.getMessage());
            }
        }
    }
}
