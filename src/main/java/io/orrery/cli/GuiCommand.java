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
            "With --screenshot, write a PNG of the whole window once it has settled, then exit."})
public class GuiCommand implements Callable<Integer> {
    @Option(names = "--open", paramLabel = "FILE", description = "a task to open in the editor and form")
    Path open;

    @Option(names = "--screenshot", paramLabel = "OUT.png", description = "write a PNG of the window and exit")
    Path screenshot;

    @picocli.CommandLine.Spec
    protected picocli.CommandLine.Model.CommandSpec spec;

    /** Further window parameters (a checkout's tools add their own). */
    protected List<String> extraArguments() {
        return List.of();
    }

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>();
        if (open != null) {
            args.add("--open=" + open.toAbsolutePath());
        }
        if (screenshot != null) {
            args.add("--screenshot=" + screenshot.toAbsolutePath());
        }
        args.addAll(extraArguments());
        WorkbenchApp.builtIns(new LocalBuiltIns());
        Application.launch(WorkbenchApp.class, args.toArray(String[]::new));
        return 0;
    }
}
