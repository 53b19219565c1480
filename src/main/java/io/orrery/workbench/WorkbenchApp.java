package io.orrery.workbench;

import io.orrery.client.BrokerRegistry;
import java.nio.file.Path;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The workbench window. Parameters: {@code --open=FILE} opens a task; {@code --screenshot=OUT.png} writes a PNG of
 * the whole window once it has settled, then exits; {@code --demo=offers} opens a sample, asks the built-in brokers
 * and selects the first offer, {@code --demo=whatif} draws a what-if sweep of it (before the screenshot, if one is
 * asked for).
 */
public final class WorkbenchApp extends Application {
    private Path config;
    private FallbackExceptionHandler fallback;

    /** Before the window: the log under the configuration directory, and the fallback handler for every thread. */
    @Override
    public void init() {
        config = BrokerRegistry.defaultDirectory();
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
        Workbench wb;
        try {
            wb = new Workbench(stage, config);
        } catch (RuntimeException e) {
            fallback.uncaughtException(Thread.currentThread(), e); // logged; JavaFX then reports it and ends
            throw e;
        }
        FailureAlert alert = new FailureAlert(stage);
        fallback.tellWith(message -> Platform.runLater(() -> {
            wb.say(message);
            alert.show(message);
        }));
        start(stage, wb);
    }

    private void start(Stage stage, Workbench wb) {
        Map<String, String> named = getParameters().getNamed();
        String open = named.get("open");
        wb.planner().openLinksWith(getHostServices()::showDocument);
        boolean demo = named.containsKey("demo");
        wb.show(open == null || demo ? null : Path.of(open), demo);
        String shot = named.get("screenshot");
        long since = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        if (shot != null) {
            System.err.println("orrery gui: window shown " + since + " ms after the JVM started");
        }
        if (named.containsKey("bench-timeline")) {
            String[] size = named.get("bench-timeline").split("x");
            TimelineBench.run(wb, Integer.parseInt(size[0]), Integer.parseInt(size[1]), System.out, () -> {
                wb.quit();
                Platform.exit();
            });
            return;
        }
        java.util.concurrent.CompletableFuture<Void> ready = demo ? Demo.run(wb, named.get("demo"))
                : java.util.concurrent.CompletableFuture.completedFuture(null);
        if (shot != null) {
            ready.whenComplete((v, e) -> Platform.runLater(() -> {
                if (e != null) {
                    System.err.println("orrery gui: the demo did not finish: " + e.getMessage());
                }
                Screenshot.after(wb.scene(), Path.of(shot), 1500, () -> {
                    wb.quit();
                    Platform.exit();
                });
            }));
        }
    }
}
