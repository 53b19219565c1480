package io.orrery.workbench.export;

import io.orrery.client.export.ExportFormat;
import io.orrery.client.export.ExportTable;
import io.orrery.workbench.MainViewModel;
import io.orrery.workbench.feature.Controller;
import io.orrery.workbench.feature.Pins;
import io.orrery.workbench.feature.Snapshotable;
import io.orrery.workbench.feature.StatusLine;
import io.orrery.workbench.library.TaskLibrary;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.stage.Window;

/**
 * Export > the comparison as CSV, JSON or VOTable, and any view that can be pictured ({@link Snapshotable}: the
 * timeline, the plots) as PNG. The file is chosen on the JavaFX thread, the table or the picture taken there, and
 * written on {@code files}; the status line says where it went, a notification why it could not.
 */
public final class ExportController extends Controller {
    /** Where to write: a file the user chose, or empty when they did not. On the JavaFX thread. */
    @FunctionalInterface
    public interface FileChoice {
        Optional<Path> choose(String title, String fileName, String description, String extension);
    }

    private final Supplier<Optional<ExportTable>> comparison;
    private final Executor files;
    private final StatusLine status;
    private final ObservableList<Snapshotable> pictures = FXCollections.observableArrayList();
    private FileChoice choice;

    /** {@code comparison} gives the offers shown now (empty before any answer), on the JavaFX thread. */
    public ExportController(Supplier<Optional<ExportTable>> comparison, Executor files, StatusLine status,
                            Supplier<Window> owner) {
        this.comparison = comparison;
        this.files = files;
        this.status = status;
        this.choice = new SaveDialog(owner);
    }

    @Override
    protected void onActivate(Pins pins) {
        // nothing to bind: every export reads the comparison when asked
    }

    /** Chooses files another way than the save dialog (tests). */
    public void chooseFilesWith(FileChoice choice) {
        this.choice = choice;
    }

    /** Offers a view for Save as PNG. */
    public void register(Snapshotable picture) {
        pictures.add(picture);
    }

    /** The views that can be saved as PNG, in the order they came. */
    public ObservableList<Snapshotable> pictures() {
        return pictures;
    }

    /** Whether there is anything to export now. */
    public boolean hasComparison() {
        return comparison.get().isPresent();
    }

    /**
     * Asks where, then writes the comparison in the format there; completes with the file written, or empty when
     * there was nothing to write, the user chose no file, or writing failed (the user is told which).
     */
    public CompletableFuture<Optional<Path>> exportAs(ExportFormat format) {
        Optional<ExportTable> table = comparison.get();
        if (table.isEmpty()) {
            status.say("Nothing to export yet: ask the brokers first (Ctrl+Enter)");
            return CompletableFuture.completedFuture(Optional.empty());
        }
        ExportTable t = table.get();
        Optional<Path> target = choice.choose("Export the comparison as " + format.label(),
                ExportNames.file(t.task(), "offers", format.extension()), format.label() + " files", format.extension());
        return target.map(file -> write(file, () -> TaskLibrary.save(file, format.text(t)),
                t.rows().size() + " offers as " + format.label())).orElseGet(
                () -> CompletableFuture.completedFuture(Optional.empty()));
    }

    /** Asks where, then writes a PNG of the view as it is drawn now; completes as {@link #exportAs} does. */
    public CompletableFuture<Optional<Path>> savePicture(Snapshotable picture) {
        Node node = picture.snapshotNode();
        if (node == null || node.getScene() == null || node.getLayoutBounds().getWidth() < 1
                || node.getLayoutBounds().getHeight() < 1) {
            status.say("The " + picture.name() + " is not shown now: show it, then save it");
            return CompletableFuture.completedFuture(Optional.empty());
        }
        String task = comparison.get().map(ExportTable::task).orElse(null);
        Optional<Path> target = choice.choose("Save the " + picture.name() + " as PNG",
                ExportNames.file(task, picture.name(), "png"), "PNG images", "png");
        if (target.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        PngFile.Pixels pixels = PngFile.snapshot(node);
        return write(target.get(), () -> PngFile.write(pixels, target.get()),
                "the " + picture.name() + " (" + pixels.width() + "x" + pixels.height() + " PNG)");
    }

    /** Work that writes a file, run on {@code files} with the busy indicator on. */
    private interface Writing {
        void run() throws Exception;
    }

    private CompletableFuture<Optional<Path>> write(Path file, Writing writing, String what) {
        status.busyStart();
        CompletableFuture<Optional<Path>> done = new CompletableFuture<>();
        try {
            files.execute(() -> {
                Throwable failed = null;
                try {
                    writing.run();
                } catch (Exception e) {
                    failed = e;
                }
                Throwable f = failed;
                Platform.runLater(() -> {
                    status.busyEnd();
                    if (f == null) {
                        status.say("Exported " + what + " to " + file);
                        done.complete(Optional.of(file));
                    } else {
                        status.notice("Cannot write " + file + ": " + MainViewModel.reason(f));
                        done.complete(Optional.empty());
                    }
                });
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            status.busyEnd(); // the window is closing
            done.complete(Optional.empty());
        }
        return done;
    }
}
