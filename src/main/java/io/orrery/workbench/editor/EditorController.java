package io.orrery.workbench.editor;

import io.orrery.model.check.LocatedFinding;
import io.orrery.workbench.event.AddDataResource;
import io.orrery.workbench.event.EventBus;
import io.orrery.workbench.event.OpenTask;
import io.orrery.workbench.event.TaskChanged;
import io.orrery.workbench.feature.Controller;
import io.orrery.workbench.feature.Pins;
import io.orrery.workbench.feature.StatusLine;
import io.orrery.workbench.library.Recovery;
import io.orrery.workbench.library.Settings;
import io.orrery.workbench.library.TaskLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.stage.Window;

/**
 * The editor and its form: has each text read (off the JavaFX thread) a moment after typing stops and says what
 * the task now is ({@link TaskChanged}: Ask and what-if send it); opens what the library asks for
 * ({@link OpenTask}); new, duplicate, find, show as; the file work ({@link TaskFiles}), the question before unsaved
 * changes would be lost ({@link UnsavedGuard}) and the crash copy ({@link BufferKeeper}).
 */
public final class EditorController extends Controller {
    private static final String NEW_TASK = "# a new task: describe what to run, on what, when\nexecutable:\n"
            + "  kind: https://www.purl.org/ivoa.net/Calycopis-openapi/schema/v1.0/kinds/executable/docker-container.yaml\n"
            + "  meta:\n    name: my-task\n  image:\n    locations: [ghcr.io/owner/image:tag]\n";

    private final EditorViewModel model = new EditorViewModel();
    private final EditorView view;
    private final FormView form;
    private final TaskFiles files;
    private final BufferKeeper keeper;
    private final Recovery recovery;
    private final Settings settings;
    private final ExecutorService background;
    private final EventBus bus;
    private final StatusLine status;
    private final UnsavedGuard guard;

    public EditorController(TaskLibrary library, Recovery recovery, Settings settings, ExecutorService background,
                            EventBus bus, StatusLine status) {
        this.recovery = recovery;
        this.settings = settings;
        this.background = background;
        this.bus = bus;
        this.status = status;
        view = new EditorView(model, this::analyse);
        form = new FormView(model);
        guard = new UnsavedGuard(() -> model.dirtyProperty().get(), this::save,
                new SavePrompt(this::owner, model.fileProperty()::get));
        files = new TaskFiles(model, library, recovery, settings, background, bus, status, this::owner, guard);
        keeper = new BufferKeeper(model, recovery, status);
    }

    @Override
    protected void onActivate(Pins pins) {
        view.bind(pins);
        form.bind(pins);
        pins.listen(model.statusProperty(), (o, was, now) -> status.say(now));
        pins.listen(model.analysesProperty(), (o, was, now) -> publishTask());
        pins.listen(model.fileProperty(), (o, was, now) -> {
            if (model.upToDate()) {
                publishTask();
            }
        });
        pins.add(bus.subscribe(OpenTask.class, t -> open(t.file())));
        // a dataset another tool sent through SAMP becomes input data of the task
        pins.add(bus.subscribe(AddDataResource.class, d -> status.say(DataResources.addTo(model, d))));
    }

    private void publishTask() {
        long errors = model.problems().stream().filter(LocatedFinding::isError).count();
        String whyNot = model.sendableProperty().get() ? null
                : errors > 0 ? "fix the " + (errors == 1 ? "error" : errors + " errors") + " in the task first"
                        : "the task still has template placeholders (or is not readable)";
        bus.publish(new TaskChanged(model.textProperty().get(), model.fileProperty().get(), whyNot));
    }

    /** Reads the text off the JavaFX thread, with the busy indicator on until what it found is in the form. */
    private void analyse(String text) {
        if (background.isShutdown()) {
            return; // the window is closing: nothing will show the result
        }
        status.busyStart();
        try {
            // execute, not submit: an unexpected exception reaches the fallback handler (logged, and the user told)
            background.execute(() -> {
                Analysis a;
                try {
                    a = Analysis.of(text);
                } catch (RuntimeException | Error e) {
                    Platform.runLater(status::busyEnd);
                    throw e;
                }
                Platform.runLater(() -> {
                    try {
                        model.apply(a);
                    } finally {
                        status.busyEnd();
                    }
                });
            });
        } catch (RejectedExecutionException e) {
            status.busyEnd(); // the window is closing: nothing will show the result
        }
    }

    private Window owner() {
        Scene s = view.root().getScene();
        return s == null ? null : s.getWindow();
    }

    public EditorViewModel model() {
        return model;
    }

    public EditorView editorView() {
        return view;
    }

    public Node formView() {
        return form.root();
    }

    public Menu recentMenu() {
        return files.recentMenu();
    }

    /**
     * Starts the editor: offers back a buffer a crash left (unless this is a demonstration, which keeps the copy for
     * next time), or opens the given file, or the last one, or a new task. The looking happens off the JavaFX thread.
     */
    public void start(Path open, boolean demo) {
        if (demo) {
            keeper.suspend();
        }
        CompletableFuture.supplyAsync(() -> {
            Optional<Recovery.Buffer> left = demo ? Optional.empty() : recovery.find();
            String last = settings.text("last.file", "");
            return new Start(left, open != null ? open
                    : !last.isEmpty() && Files.isRegularFile(Path.of(last)) ? Path.of(last) : null);
        }, background).thenAcceptAsync(s -> {
            if (s.left().isPresent() && keeper.offerBack(s.left().get(), owner())) {
                return;
            }
            if (s.file() != null) {
                open(s.file());
            } else {
                newTask();
            }
        }, Platform::runLater);
    }

    private record Start(Optional<Recovery.Buffer> left, Path file) {
    }

    /** A new task, once unsaved changes are saved or let go. */
    public void newTask() {
        guard.then("starting a new task", () -> model.load(NEW_TASK, null, false, false));
    }

    /**
     * Runs {@code then} at once when nothing is unsaved, else once the user has saved or discarded the changes
     * (never if they cancel); {@code doing} names what waits, as in "before quitting".
     */
    public void whenSaved(String doing, Runnable then) {
        guard.then(doing, then);
    }

    /** Asks which file with these from now on (the system's choosers by default). */
    public void useDialogs(FileDialogs dialogs) {
        files.useDialogs(dialogs);
    }

    /** The same text as a new, unsaved task (a sample becomes editable this way too). */
    public void duplicate() {
        model.load(model.textProperty().get(), null, false, true);
        status.say("A copy: save it to keep it");
    }

    public void open(Path file) {
        files.open(file);
    }

    public void chooseAndOpen() {
        files.chooseAndOpen();
    }

    /** Saves (asking where for a new task or a sample); completes with whether the text was written. */
    public CompletableFuture<Boolean> save() {
        return files.save();
    }

    public CompletableFuture<Boolean> saveAs() {
        return files.saveAs();
    }

    public CompletableFuture<Boolean> write(Path target) {
        return files.write(target);
    }

    public void find() {
        view.find();
    }

    /** The task in other words; the commands send it to these brokers (the checked ones). */
    public void showAs(java.util.List<ShowAs.Target> brokers) {
        ShowAsView.show(owner(), model.textProperty().get(), model.fileProperty().get(), brokers);
    }

    /** Stops keeping copies of the text and forgets the copy: call it once unsaved changes are settled. */
    public void close() {
        keeper.close();
    }
}
