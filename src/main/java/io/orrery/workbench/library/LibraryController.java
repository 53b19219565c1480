package io.orrery.workbench.library;

import io.orrery.workbench.event.EventBus;
import io.orrery.workbench.event.OpenTask;
import io.orrery.workbench.event.TaskSaved;
import io.orrery.workbench.feature.Controller;
import io.orrery.workbench.feature.Pins;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javafx.application.Platform;
import javafx.scene.Node;

/**
 * The task library pane: lists the samples and the user's tasks (off the JavaFX thread), asks for the one picked
 * to be opened ({@link OpenTask}), and lists again after a save ({@link TaskSaved}).
 */
public final class LibraryController extends Controller {
    private final TaskLibrary library;
    private final LibraryView view;
    private final Executor files;
    private final EventBus bus;

    public LibraryController(TaskLibrary library, Executor files, EventBus bus) {
        this.library = library;
        this.files = files;
        this.bus = bus;
        view = new LibraryView(library.mine().toString(), e -> bus.publish(new OpenTask(e.path())));
    }

    @Override
    protected void onActivate(Pins pins) {
        pins.add(bus.subscribe(TaskSaved.class, s -> refresh()));
        refresh();
    }

    /** Reads both folders again, off the JavaFX thread, and shows what it found. */
    public void refresh() {
        try {
            CompletableFuture.supplyAsync(() -> List.of(library.own(), library.samples()), files)
                    .thenAcceptAsync(lists -> view.show(lists.get(0), lists.get(1)), Platform::runLater);
        } catch (RejectedExecutionException e) {
            // the window is closing: nothing will show the list
        }
    }

    public TaskLibrary library() {
        return library;
    }

    public Node view() {
        return view.root();
    }
}
