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

    @Override
    public void start(Stage stage) {
        Map<String, String> named = getParameters().getNamed();
        Workbench wb = new Workbench(stage, BrokerRegistry.defaultDirectory());
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
