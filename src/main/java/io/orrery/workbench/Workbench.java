package io.orrery.workbench;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.orrery.workbench.editor.EditorView;
import io.orrery.workbench.editor.EditorViewModel;
import io.orrery.workbench.editor.FormView;
import io.orrery.workbench.library.LibraryView;
import io.orrery.workbench.library.Recovery;
import io.orrery.workbench.library.Settings;
import io.orrery.workbench.library.TaskLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.SplitPane;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The window and its actions: the library, editor and form in one split pane, file actions with keyboard
 * shortcuts, atomic saves, crash recovery of the unsaved buffer, theme, and a layout remembered between runs.
 * File work happens off the JavaFX thread.
 */
public final class Workbench {
    private static final String NEW_TASK = "# a new task: describe what to run, on what, when\nexecutable:\n"
            + "  kind: https://www.purl.org/ivoa.net/Calycopis-openapi/schema/v1.0/kinds/executable/docker-container.yaml\n"
            + "  meta:\n    name: my-task\n  image:\n    locations: [ghcr.io/owner/image:tag]\n";

    private final Stage stage;
    private final MainViewModel main = new MainViewModel();
    private final EditorViewModel editor = new EditorViewModel();
    private final TaskLibrary library;
    private final Recovery recovery;
    private final Settings settings;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> daemon(r, "orrery-work"));
    private final ScheduledExecutorService keeper = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "orrery-recovery"));
    private final EditorView editorView;
    private final LibraryView libraryView;
    private final SplitPane split;
    private final SplitPane left;
    private final SplitPane vertical;
    private final Planner planner;
    private final Scene scene;
    private final javafx.scene.control.Menu recentMenu = new javafx.scene.control.Menu("Open recent");
    private volatile boolean recoveryWarned;
    private AutoCloseable releaseOnClose;

    public Workbench(Stage stage, Path configDir) {
        this.stage = stage;
        this.library = TaskLibrary.standard(configDir);
        this.recovery = new Recovery(configDir);
        this.settings = new Settings(configDir);
        editorView = new EditorView(editor, background, main::busyStart, main::busyEnd);
        libraryView = new LibraryView(library, e -> open(e.path()));
        planner = new Planner(stage, configDir, settings, main, editor, io.orrery.workbench.event.EventBus.onFxThread(),
                new WindowStatus(main, stage));
        left = new SplitPane(libraryView.root(), planner.brokersPane());
        left.setOrientation(javafx.geometry.Orientation.VERTICAL);
        left.setDividerPositions(settings.number("divider.left", 0.55));
        split = new SplitPane(left, editorView.root(), new FormView(editor).root());
        split.setDividerPositions(settings.number("divider.0", 0.2), settings.number("divider.1", 0.68));
        vertical = new SplitPane(split, planner.tabs());
        vertical.setOrientation(javafx.geometry.Orientation.VERTICAL);
        vertical.setDividerPositions(settings.number("divider.vertical", 0.45));
        recentMenu.setId("recentMenu");
        refreshRecent();
        MainView view = new MainView(main, new MainView.Actions(this::newTask, this::chooseAndOpen, this::save,
                this::saveAs, this::toggleTheme, this::quit, this::showAs, editorView::find, recentMenu, this::duplicate,
                planner::ask, () -> planner.accept(planner.offers().selectedProperty().get())), vertical);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        scene = new Scene(view.root(), Math.min(screen.getWidth(), settings.number("window.width", 1360)),
                Math.min(screen.getHeight(), settings.number("window.height", 900)));
        scene.getStylesheets().add(Workbench.class.getResource("workbench.css").toExternalForm());
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
        });
        scene.setOnDragDropped(e -> {
            List<java.io.File> files = e.getDragboard().getFiles();
            if (!files.isEmpty()) {
                open(files.get(0).toPath());
            }
            e.setDropCompleted(!files.isEmpty());
        });
        main.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(this::title,
                editor.fileProperty(), editor.dirtyProperty()));
        editor.statusProperty().addListener((o, was, now) -> main.say(now));
        applyTheme(settings.text("theme", "light"));
        stage.setScene(scene);
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var icon = Workbench.class.getResource("/io/orrery/icons/orrery-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new javafx.scene.image.Image(icon.toExternalForm()));
            }
        }
        stage.titleProperty().bind(main.titleProperty());
        stage.setOnCloseRequest(e -> quit());
        keeper.scheduleWithFixedDelay(() -> {
            try {
                keepBuffer();
            } catch (RuntimeException e) {
                // a scheduled task that throws is never run again, silently: report it and keep the copies going
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
        }, 2, 2, TimeUnit.SECONDS);
    }

    /** Something to let go when the window closes, after everything else (the configuration directory's lock). */
    public void releaseOnClose(AutoCloseable held) {
        this.releaseOnClose = held;
    }

    /** Says something in the status line (on the JavaFX thread). */
    public void say(String message) {
        main.say(message);
    }

    /** A background thread that does not keep the process alive. */
    static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    public Scene scene() {
        return scene;
    }

    public EditorViewModel editor() {
        return editor;
    }

    public EditorView editorView() {
        return editorView;
    }

    public Planner planner() {
        return planner;
    }

    public TaskLibrary library() {
        return library;
    }

    /** Shows the window, then offers back a buffer a crash left, or opens the given file, or a new task. */
    public void show(Path open) {
        show(open, false);
    }

    /** As {@link #show(Path)}; a demonstration skips the recovery question (it keeps the copy for next time). */
    public void show(Path open, boolean demo) {
        stage.show();
        var left = demo ? java.util.Optional.<Recovery.Buffer>empty() : recovery.find();
        if (left.isPresent() && askRecover(left.get())) {
            editor.load(left.get().text(), left.get().file(), false, true);
            main.say("Recovered the unsaved text from " + left.get().when());
        } else if (open != null) {
            open(open);
        } else {
            String last = settings.text("last.file", "");
            if (!last.isEmpty() && Files.isRegularFile(Path.of(last))) {
                open(Path.of(last));
            } else {
                editor.load(NEW_TASK, null, false, false);
            }
        }
    }

    private boolean askRecover(Recovery.Buffer b) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Orrery did not close normally. The editor held unsaved text"
                + (b.file() == null ? "" : " for " + b.file()) + " at " + b.when() + ". Recover it?",
                new ButtonType("Recover", javafx.scene.control.ButtonBar.ButtonData.YES), ButtonType.NO);
        a.setHeaderText("Recover unsaved changes?");
        a.initOwner(stage);
        return a.showAndWait().map(t -> t.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.YES).orElse(false);
    }

    private String title() {
        Path f = editor.fileProperty().get();
        return (editor.dirtyProperty().get() ? "* " : "") + (f == null ? "untitled" : f.getFileName()) + " - Orrery";
    }

    private void newTask() {
        editor.load(NEW_TASK, null, false, false);
    }

    /** The same text as a new, unsaved task (a sample becomes editable this way too). */
    private void duplicate() {
        editor.load(editor.textProperty().get(), null, false, true);
        main.say("A copy: save it to keep it");
    }

    private void chooseAndOpen() {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Tasks", "*.yaml", "*.yml", "*.json"));
        java.io.File f = fc.showOpenDialog(stage);
        if (f != null) {
            open(f.toPath());
        }
    }

    /** Opens a file off the JavaFX thread; an unreadable YAML file still opens, with its problems listed. */
    public void open(Path file) {
        busyInBackground(() -> {
            try {
                String text = TaskLibrary.read(file);
                return () -> {
                    editor.load(text, file, library.isSample(file), false);
                    settings.put("last.file", file.toAbsolutePath());
                    remember(file);
                    main.say("Opened " + file + (library.isSample(file) ? " (a sample: save as to edit a copy)" : ""));
                };
            } catch (IOException e) {
                return () -> main.say("Cannot open " + file + ": " + MainViewModel.reason(e));
            }
        });
    }

    /**
     * File work off the JavaFX thread with the busy indicator on until what it found has been shown on the JavaFX
     * thread, however that ends: {@code work} returns what to show; an unexpected exception, in the work or in
     * showing it, ends the busy indicator too and goes on to the fallback handler (logged, and the user told).
     */
    private void busyInBackground(java.util.concurrent.Callable<Runnable> work) {
        main.busyStart();
        try {
            background.execute(() -> {
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
                            main.busyEnd();
                        }
                    });
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            main.busyEnd(); // closing: the work will not run
        }
    }

    /** Puts a file at the top of the recent list (eight at most). */
    private void remember(Path file) {
        java.util.List<String> recent = new java.util.ArrayList<>(java.util.List.of(
                settings.text("recent", "").split("\n")));
        recent.removeIf(r -> r.isBlank() || r.equals(file.toAbsolutePath().toString()));
        recent.add(0, file.toAbsolutePath().toString());
        settings.put("recent", String.join("\n", recent.subList(0, Math.min(8, recent.size()))));
        refreshRecent();
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (String r : settings.text("recent", "").split("\n")) {
            if (!r.isBlank()) {
                javafx.scene.control.MenuItem i = new javafx.scene.control.MenuItem(r);
                i.setOnAction(e -> open(Path.of(r)));
                recentMenu.getItems().add(i);
            }
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void showAs() {
        io.orrery.workbench.editor.ShowAsView.show(stage, editor.textProperty().get(), editor.fileProperty().get(),
                "http://127.0.0.1:8080");
    }

    private void save() {
        Path f = editor.fileProperty().get();
        if (f == null || editor.readOnlyProperty().get()) {
            saveAs();
        } else {
            write(f);
        }
    }

    private void saveAs() {
        FileChooser fc = new FileChooser();
        try {
            Files.createDirectories(library.mine());
        } catch (IOException e) {
            main.say("Cannot create " + library.mine() + ": " + e.getMessage());
        }
        fc.setInitialDirectory(library.mine().toFile());
        java.io.File f = fc.showSaveDialog(stage);
        if (f != null) {
            write(f.toPath());
        }
    }

    /** Saves atomically off the JavaFX thread, then forgets the recovery copy. */
    public void write(Path target) {
        String text = editor.textProperty().get();
        busyInBackground(() -> {
            try {
                TaskLibrary.save(target, text);
                recovery.clear();
                return () -> {
                    editor.fileProperty().set(target);
                    editor.readOnlyProperty().set(false);
                    remember(target);
                    if (text.equals(editor.textProperty().get())) {
                        editor.dirtyProperty().set(false);
                    }
                    libraryView.refresh();
                    main.say("Saved " + target);
                };
            } catch (IOException e) {
                return () -> main.say("Cannot save " + target + ": " + MainViewModel.reason(e)
                        + " (the text is still here)");
            }
        });
    }

    /** Copies the buffer aside while it is unsaved (runs on its own thread; reads the state via the FX thread). */
    private void keepBuffer() {
        java.util.concurrent.CompletableFuture<String[]> state = new java.util.concurrent.CompletableFuture<>();
        Platform.runLater(() -> state.complete(editor.dirtyProperty().get() ? new String[] {editor.textProperty().get(),
            editor.fileProperty().get() == null ? null : editor.fileProperty().get().toString()} : null));
        try {
            String[] s = state.get(5, TimeUnit.SECONDS);
            if (s != null) {
                recovery.keep(s[0], s[1] == null ? null : Path.of(s[1]));
            }
        } catch (IOException e) {
            // the buffer itself is untouched; say so once, and try again next round
            if (!recoveryWarned) {
                recoveryWarned = true;
                Platform.runLater(() -> main.say("Cannot keep a recovery copy of the unsaved text: " + e.getMessage()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // the JavaFX thread was busy: the next round tries again
        }
    }

    private void toggleTheme() {
        applyTheme(settings.text("theme", "light").equals("light") ? "dark" : "light");
    }

    private void applyTheme(String theme) {
        settings.put("theme", theme);
        Application.setUserAgentStylesheet(theme.equals("dark") ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** Remembers the layout, forgets the recovery copy if nothing is unsaved, and ends the application. */
    public void quit() {
        close();
        Platform.exit();
    }

    /**
     * Remembers the layout, forgets the recovery copy if nothing is unsaved, and stops the background work; the
     * configuration directory is let go once the built-in brokers are closed.
     */
    public void close() {
        settings.put("window.width", scene.getWidth());
        settings.put("window.height", scene.getHeight());
        double[] d = split.getDividerPositions();
        for (int i = 0; i < d.length; i++) {
            settings.put("divider." + i, d[i]);
        }
        settings.put("divider.left", left.getDividerPositions()[0]);
        settings.put("divider.vertical", vertical.getDividerPositions()[0]);
        java.util.concurrent.CompletableFuture<Void> brokersClosed = planner.close();
        try {
            settings.save();
            if (!editor.dirtyProperty().get()) {
                recovery.clear();
            }
        } catch (IOException e) {
            main.say("Cannot save the settings: " + e.getMessage());
        }
        keeper.shutdownNow();
        background.shutdown();
        try {
            keeper.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        AutoCloseable held = releaseOnClose;
        if (held != null) {
            // only once the built-in brokers' databases are closed may another window open them
            brokersClosed.whenComplete((v, e) -> {
                try {
                    held.close();
                } catch (Exception x) {
                    System.err.println("orrery: cannot let the configuration directory go: " + MainViewModel.reason(x));
                }
            });
        }
    }
}
