package io.orrery.cli;

import io.orrery.workbench.WorkbenchApp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.application.Application;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code orrery gui}: the window, optionally with a task open, optionally just to take a screenshot. */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = {"Open the workbench window (what ./orrery with no arguments does).",
            "With --screenshot, write a PNG of the whole window once it has settled, then exit.",
            "With --demo, open a sample task and ask the built-in brokers (offline); --demo=whatif draws a sweep."})
public final class GuiCommand implements Callable<Integer> {
    @Option(names = "--open", paramLabel = "FILE", description = "a task to open in the editor and form")
    Path open;

    @Option(names = "--screenshot", paramLabel = "OUT.png", description = "write a PNG of the window and exit")
    Path screenshot;

    @Option(names = "--demo", arity = "0..1", fallbackValue = "offers", paramLabel = "offers|whatif",
            description = "open a sample task, then ask the built-in brokers and select the first offer (offers, the"
                    + " default), or draw a what-if sweep of it (whatif)")
    String demo;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>();
        if (open != null) {
            args.add("--open=" + open.toAbsolutePath());
        }
        if (screenshot != null) {
            args.add("--screenshot=" + screenshot.toAbsolutePath());
        }
        if (demo != null) {
            if (!demo.equals("offers") && !demo.equals("whatif")) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--demo takes offers or whatif, not "
                        + demo);
            }
            args.add("--demo=" + demo);
        }
        Application.launch(WorkbenchApp.class, args.toArray(String[]::new));
        return 0;
    }
}
