package io.orrery.tools;

import io.orrery.cli.GuiCommand;
import io.orrery.workbench.ToolScript;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The checkout's {@code orrery gui}: the product's, plus {@code --demo} for the README's pictures. */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = {"Open the workbench window (what ./orrery with no arguments does).",
            "With --screenshot, write a PNG of the whole window once it has settled, then exit.",
            "With --demo (a checkout's tool), open a sample task and ask the built-in brokers (offline);"
                + " --demo=whatif draws a sweep."})
public final class DemoGuiCommand extends GuiCommand {
    @Option(names = "--demo", arity = "0..1", fallbackValue = "offers", paramLabel = "offers|whatif|run",
            description = "open a sample task, then ask the built-in brokers and select the first offer (offers, the"
                    + " default), draw a what-if sweep of it (whatif), or run sample 21 for real on builtin:local and"
                    + " show its live log in the monitor (run)")
    String demo;

    @Override
    protected List<String> extraArguments() {
        if (demo == null) {
            return List.of();
        }
        if (!demo.equals("offers") && !demo.equals("whatif") && !demo.equals("run")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--demo takes offers, whatif or run,"
                    + " not " + demo);
        }
        ToolScript.install();
        return List.of("--demo=" + demo);
    }
}
