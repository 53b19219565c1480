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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The editor's file work: open, save (atomically), save as, and the recent list, each off the JavaFX thread with the
 * busy indicator on until what it found has been shown. A save forgets the recovery copy and says so
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

    TaskFiles(EditorViewModel model, TaskLibrary library, Recovery recovery, Settings settings, ExecutorService files,
              EventBus bus, StatusLine status, Supplier<Window> owner) {
        this.model = model;
        this.library = library;
        this.recovery = recovery;
        this.settings = settings;
        this.files = files;
        this.bus = bus;
        this.status = status;
        this.owner = owner;
        recent.setId("recentMenu");
        refreshRecent();
    }

    Menu recentMenu() {
        return recent;
    }

    void chooseAndOpen() {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Tasks", "*.yaml", "*.yml", "*.json"));
        java.io.File f = fc.showOpenDialog(owner.get());
        if (f != null) {
            open(f.toPath());
        }
    }

    /** Opens a file off the JavaFX thread; an unreadable YAML file still opens, with its problems listed. */
    void open(Path file) {
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

    void save() {
        Path f = model.fileProperty().get();
        if (f == null || model.readOnlyProperty().get()) {
            saveAs();
        } else {
            write(f);
        }
    }

    void saveAs() {
        FileChooser fc = new FileChooser();
        try {
            Files.createDirectories(library.mine());
        } catch (IOException e) {
            status.say("Cannot create " + library.mine() + ": " + e.getMessage());
        }
        fc.setInitialDirectory(library.mine().toFile());
        java.io.File f = fc.showSaveDialog(owner.get());
        if (f != null) {
            write(f.toPath());
        }
    }

    /** Saves atomically off the JavaFX thread, then forgets the recovery copy. */
    void write(Path target) {
        String text = model.textProperty().get();
        busyInBackground(() -> {
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
                };
            } catch (IOException e) {
                return () -> status.say("Cannot save " + target + ": " + MainViewModel.reason(e)
                        + " (the text is still here)");
            }
        });
    }

    /**
     * File work off the JavaFX thread with the busy indicator on until what it found has been shown on the JavaFX
     * thread, however that ends: {@code work} returns what to show; an unexpected exception, in the work or in
     * showing it, ends the busy indicator too and goes on to the fallback handler (logged, and the user told).
     */
    private void busyInBackground(Callable<Runnable> work) {
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
                        }
                    });
                }
            });
        } catch (RejectedExecutionException e) {
            status.busyEnd(); // closing: the work will not run
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
