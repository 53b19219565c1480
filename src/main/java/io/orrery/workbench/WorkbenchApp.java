package io.orrery.workbench;

import io.orrery.client.BrokerRegistry;
import java.nio.file.Path;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The workbench window. Parameters: {@code --open=FILE} opens a task; {@code --screenshot=OUT.png} writes a PNG of
 * the whole window once it has settled, then exits.
 */
public final class WorkbenchApp extends Application {
    @Override
    public void start(Stage stage) {
        Map<String, String> named = getParameters().getNamed();
        Workbench wb = new Workbench(stage, BrokerRegistry.defaultDirectory());
        String open = named.get("open");
        wb.show(open == null ? null : Path.of(open));
        String shot = named.get("screenshot");
        if (shot != null) {
            long since = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.println("orrery gui: window shown " + since + " ms after the JVM started");
            Screenshot.after(wb.scene(), Path.of(shot), 1500, () -> {
                wb.quit();
                Platform.exit();
            });
        }
    }
}
