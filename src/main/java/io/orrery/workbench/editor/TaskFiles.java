package io.orrery.workbench.editor;

import io.orrery.workbench.MainViewModel;
import io.orrery.workbench.event.EventBus;
import io.orrery.workbench.event.TaskSaved;
import io.orrery.workbench.feature.StatusLine;
import io.orrery.workbench.library.Recovery;
import io.orrery.workbench.library.Settings;
import io.orrery.workbench.library.TaskLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.Window;

/**
 * The editor's file work: open, save (atomically), save as, and the recent list, each off the JavaFX thread with the
 * busy indicator on until what it found has been shown. Opening over unsaved changes asks first
 * ({@link UnsavedGuard}). Save as proposes the task's name in {@code .yaml} and adds {@code .yaml} to a name typed
 * without an extension, so the file is listed in My tasks. A save forgets the recovery copy and says so
 * ({@link TaskSaved}).
 */
final class TaskFiles {
    private final EditorViewModel model;
    private final TaskLibrary library;
    private final Recovery recovery;
    private final Settings settings;
    private final ExecutorService files;
    private final EventBus bus;
    private final StatusLine status;
    private final Supplier<Window> owner;
    private final Menu recent = new Menu("Open recent");
    private final UnsavedGuard guard;
    private FileDialogs dialogs = FileDialogs.SYSTEM;

    TaskFiles(EditorViewModel model, TaskLibrary library, Recovery recovery, Settings settings, ExecutorService files,
              EventBus bus, StatusLine status, Supplier<Window> owner, UnsavedGuard guard) {
        this.model = model;
        this.library = library;
        this.recovery = recovery;
        this.settings = settings;
        this.files = files;
        this.bus = bus;
        this.status = status;
        this.owner = owner;
        this.guard = guard;
        recent.setId("recentMenu");
        refreshRecent();
    }

    Menu recentMenu() {
        return recent;
    }

    /** Asks with these from now on (the system's choosers by default). */
    void useDialogs(FileDialogs d) {
        dialogs = d;
    }

    void chooseAndOpen() {
        dialogs.open(owner.get()).ifPresent(this::open);
    }

    /** Opens a file, once unsaved changes are saved or let go. */
    void open(Path file) {
        guard.then("opening " + file.getFileName(), () -> read(file));
    }

    /** Reads a file off the JavaFX thread; an unreadable YAML file still opens, with its problems listed. */
    private void read(Path file) {
        busyInBackground(() -> {
            try {
                String text = TaskLibrary.read(file);
                return () -> {
                    model.load(text, file, library.isSample(file), false);
                    settings.put("last.file", file.toAbsolutePath());
                    remember(file);
                    status.say("Opened " + file + (library.isSample(file) ? " (a sample: save as to edit a copy)" : ""));
                };
            } catch (IOException e) {
                return () -> status.say("Cannot open " + file + ": " + MainViewModel.reason(e));
            }
        });
    }

    /** Saves to the task's file, or asks where (a new task, a sample); completes with whether it was written. */
    CompletableFuture<Boolean> save() {
        Path f = model.fileProperty().get();
        if (f == null || model.readOnlyProperty().get()) {
            return saveAs();
        }
        return write(f);
    }

    /**
     * Asks where to save, proposing the task's name in My tasks; a name without an extension gets {@code .yaml}
     * (asking before it replaces a file of that name). Completes with whether it was written.
     */
    CompletableFuture<Boolean> saveAs() {
        Path folder = library.mine();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            status.say("Cannot create " + folder + ": " + e.getMessage());
        }
        Path current = model.fileProperty().get();
        if (current != null && !model.readOnlyProperty().get() && current.getParent() != null) {
            folder = current.getParent();
        }
        Optional<Path> chosen = dialogs.saveAs(owner.get(), folder,
                TaskNames.proposal(model.textProperty().get(), current));
        if (chosen.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        Path target = TaskNames.withExtension(chosen.get());
        if (!target.equals(chosen.get()) && Files.exists(target) && !dialogs.replace(owner.get(), target)) {
            return CompletableFuture.completedFuture(false);
        }
        return write(target);
    }

    /**
     * Saves atomically off the JavaFX thread, then forgets the recovery copy; completes on the JavaFX thread with
     * whether it was written, once the editor shows it.
     */
    CompletableFuture<Boolean> write(Path target) {
        String text = model.textProperty().get();
        CompletableFuture<Boolean> written = new CompletableFuture<>();
        busyInBackground(written, () -> {
            try {
                TaskLibrary.save(target, text);
                recovery.clear();
                return () -> {
                    model.fileProperty().set(target);
                    model.readOnlyProperty().set(false);
                    remember(target);
                    if (text.equals(model.textProperty().get())) {
                        model.dirtyProperty().set(false);
                    }
                    bus.publish(new TaskSaved(target));
                    status.say("Saved " + target);
                    written.complete(true);
                };
            } catch (IOException e) {
                return () -> {
                    status.say("Cannot save " + target + ": " + MainViewModel.reason(e) + " (the text is still here)");
                    written.complete(false);
                };
            }
        });
        return written;
    }

    /**
     * File work off the JavaFX thread with the busy indicator on until what it found has been shown on the JavaFX
     * thread, however that ends: {@code work} returns what to show; an unexpected exception, in the work or in
     * showing it, ends the busy indicator too and goes on to the fallback handler (logged, and the user told).
     */
    private void busyInBackground(Callable<Runnable> work) {
        busyInBackground(new CompletableFuture<>(), work);
    }

    /** As above; {@code done} completes with false if the work cannot run or ends without saying. */
    private void busyInBackground(CompletableFuture<Boolean> done, Callable<Runnable> work) {
        status.busyStart();
        try {
            files.execute(() -> {
                Runnable show = () -> { };
                try {
                    show = work.call();
                } catch (Exception e) {
                    throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
                } finally {
                    Runnable then = show;
                    Platform.runLater(() -> {
                        try {
                            then.run();
                        } finally {
                            status.busyEnd();
                            done.complete(false); // no-op once the work said how it went
                        }
                    });
                }
            });
        } catch (RejectedExecutionException e) {
            status.busyEnd(); // closing: the work will not run
            done.complete(false);
        }
    }

    /** Puts a file at the top of the recent list (eight at most). */
    private void remember(Path file) {
        List<String> list = new ArrayList<>(List.of(settings.text("recent", "").split("\n")));
        list.removeIf(r -> r.isBlank() || r.equals(file.toAbsolutePath().toString()));
        list.add(0, file.toAbsolutePath().toString());
        settings.put("recent", String.join("\n", list.subList(0, Math.min(8, list.size()))));
        refreshRecent();
    }

    private void refreshRecent() {
        recent.getItems().clear();
        for (String r : settings.text("recent", "").split("\n")) {
            if (!r.isBlank()) {
                MenuItem i = new MenuItem(r);
                i.setOnAction(e -> open(Path.of(r)));
                recent.getItems().add(i);
            }
        }
        recent.setDisable(recent.getItems().isEmpty());
    }
}
