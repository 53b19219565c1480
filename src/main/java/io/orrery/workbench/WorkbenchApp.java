package io.orrery.workbench;

import io.orrery.client.BrokerRegistry;
import java.nio.file.Path;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The workbench window. Parameters: {@code --open=FILE} opens a task; {@code --screenshot=OUT.png} writes a PNG of
 * the whole window once it has settled (and once its {@link WindowScript}, if a checkout's tool set one, is done),
 * then exits.
 */
public final class WorkbenchApp extends Application {
    /** The exit code of a window refused because another one has its configuration directory. */
    public static final int ALREADY_OPEN = 1;

    private Path config;
    private InstanceLock lock;
    private String refused;
    private FallbackExceptionHandler fallback;
    private static volatile WindowScript script;
    /** How the window opens its built-in brokers (the command line gives it the one with the real local platform). */
    private static volatile io.orrery.client.LocalBroker.Opener builtIns = io.orrery.client.LocalBroker.Opener.SIMULATED;

    /**
     * Before the window (off the JavaFX thread): the configuration directory's lock, so that only one window uses
     * it; then the log under it, and the fallback handler for every thread.
     */
    @Override
    public void init() {
        config = BrokerRegistry.defaultDirectory();
        try {
            lock = InstanceLock.acquire(config);
        } catch (InstanceLock.Held e) {
            refused = e.getMessage();
            fallback = FallbackExceptionHandler.install(null); // the log is the other window's
            return;
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("orrery: cannot lock " + config + " against a second window (" + e.getClass()
                    .getSimpleName() + ": " + FailureLog.redact(e.getMessage()) + "); going on without the lock");
        }
        FailureLog log = null;
        try {
            log = FailureLog.open(config);
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("orrery: cannot write a log in " + config.resolve("logs") + " ("
                    + e.getClass().getSimpleName() + ": " + FailureLog.redact(e.getMessage())
                    + "); errors go to standard error only");
        }
        fallback = FallbackExceptionHandler.install(log);
    }

    @Override
    public void start(Stage stage) {
        fallback.installOnCurrentThread(); // the JavaFX thread: exceptions in event handlers and runLater land here
        if (refused != null) {
            refuse();
            return;
        }
        Workbench wb;
        try {
            wb = new Workbench(stage, config, builtIns);
        } catch (RuntimeException e) {
            fallback.uncaughtException(Thread.currentThread(), e); // logged; JavaFX then reports it and ends
            throw e;
        }
        wb.releaseOnClose(lock); // the window's close lets it go; the operating system does when the process ends
        FailureAlert alert = new FailureAlert(stage);
        fallback.tellWith(message -> Platform.runLater(() -> {
            wb.say(message);
            alert.show(message);
        }));
        start(stage, wb);
    }

    /**
     * A second window on the same configuration directory: says so (on standard error, and in a dialog unless it
     * was started for a screenshot, with no one to answer it) and ends the process with {@link #ALREADY_OPEN}.
     */
    private void refuse() {
        System.err.println("orrery: " + refused);
        if (!getParameters().getNamed().containsKey("screenshot")) {
            javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.WARNING,
                    refused + "\n\nSwitch to that window, or close it and start Orrery again. (To run two windows,"
                            + " give the second its own directory with ORRERY_CONFIG_DIR.)",
                    javafx.scene.control.ButtonType.OK);
            a.setTitle("Orrery");
            a.setHeaderText("Orrery is already open");
            a.showAndWait();
        }
        Platform.exit();
        System.exit(ALREADY_OPEN);
    }

    private void start(Stage stage, Workbench wb) {
        Map<String, String> named = getParameters().getNamed();
        String open = named.get("open");
        wb.monitor().openLinksWith(getHostServices()::showDocument);
        WindowScript s = script;
        boolean own = s != null && s.opensItsOwnTask(named);
        wb.show(open == null || own ? null : Path.of(open), own);
        String shot = named.get("screenshot");
        long since = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        if (shot != null) {
            System.err.println("orrery gui: window shown " + since + " ms after the JVM started");
        }
        Runnable quit = () -> { // a script's end: nothing to ask
            wb.close();
            Platform.exit();
        };
        java.util.Optional<java.util.concurrent.CompletableFuture<Void>> scripted = s == null
                ? java.util.Optional.empty() : s.run(wb, named, quit);
        if (shot != null) {
            scripted.orElse(java.util.concurrent.CompletableFuture.completedFuture(null))
                    .whenComplete((v, e) -> Platform.runLater(() -> {
                        if (e != null) {
                            System.err.println("orrery gui: the window's script did not finish: " + e.getMessage());
                        }
                        Screenshot.after(wb.scene(), Path.of(shot), 1500, quit);
                    }));
        }
    }

    /** What the shown window does next (a checkout's demonstration or benchmark); none in the product. */
    /** Sets how the next window opens its built-in brokers; call before launching. */
    public static void builtIns(io.orrery.client.LocalBroker.Opener opener) {
        builtIns = opener;
    }

    public static void script(WindowScript s) {
        script = s;
    }
}
