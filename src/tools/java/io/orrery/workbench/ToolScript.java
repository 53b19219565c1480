package io.orrery.workbench;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The checkout's window script: {@code gui --demo[=offers|whatif]} (a sample asked of the built-in brokers, for the
 * README's pictures) and {@code bench --timeline} (the rendering benchmark). Set before the window starts; never
 * shipped.
 */
public final class ToolScript implements WindowScript {
    private ToolScript() {}

    /** Makes the next window run this script. */
    public static void install() {
        WorkbenchApp.script(new ToolScript());
    }

    @Override
    public boolean opensItsOwnTask(Map<String, String> named) {
        return named.containsKey("demo");
    }

    @Override
    public Optional<CompletableFuture<Void>> run(Workbench wb, Map<String, String> named, Runnable quit) {
        if (named.containsKey("bench-timeline")) {
            String[] size = named.get("bench-timeline").split("x");
            TimelineBench.run(wb, Integer.parseInt(size[0]), Integer.parseInt(size[1]), System.out, quit);
            return Optional.of(new CompletableFuture<>()); // the benchmark ends the window itself
        }
        if (named.containsKey("demo")) {
            return Optional.of(Demo.run(wb, named.get("demo")));
        }
        return Optional.empty();
    }
}
