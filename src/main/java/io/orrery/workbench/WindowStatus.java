package io.orrery.workbench;

import io.orrery.workbench.feature.StatusLine;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.stage.Stage;
import org.controlsfx.control.Notifications;

/**
 * The status line the window lends its features: the main view-model's message and busy count, and notifications
 * in the corner of the window. {@link #say} and {@link #notice} may be called from any thread (they move to the
 * JavaFX thread); the rest on the JavaFX thread.
 */
final class WindowStatus implements StatusLine {
    private final MainViewModel main;
    private final Stage stage;

    WindowStatus(MainViewModel main, Stage stage) {
        this.main = main;
        this.stage = stage;
    }

    @Override
    public void say(String message) {
        onFx(() -> main.say(message));
    }

    /** The words in the status line, and (while the window shows) in a notification in its corner. */
    @Override
    public void notice(String message) {
        onFx(() -> {
            main.say(message);
            if (stage.isShowing()) {
                // at most three at once: beyond that one summary, so a burst of changes never buries the window
                Notifications.create().owner(stage).title("Orrery").text(message).position(Pos.BOTTOM_RIGHT)
                        .hideAfter(javafx.util.Duration.seconds(5))
                        .threshold(3, Notifications.create().owner(stage).title("Orrery")
                                .text("Several changes at once: the Monitor tab and the status line have them all")
                                .position(Pos.BOTTOM_RIGHT).hideAfter(javafx.util.Duration.seconds(5)))
                        .showInformation();
            }
        });
    }

    @Override
    public void busyStart() {
        main.busyStart();
    }

    @Override
    public void busyEnd() {
        main.busyEnd();
    }

    @Override
    public <T> CompletableFuture<Optional<T>> busyWhile(String failing, Supplier<CompletableFuture<T>> work) {
        return main.busyWhile(failing, work, Platform::runLater);
    }

    private static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
