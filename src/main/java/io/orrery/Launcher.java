package io.orrery;

import io.orrery.cli.OrreryCommand;

/**
 * The entry point. With no arguments it opens the workbench window; with arguments it runs the command-line twin.
 * It does not extend {@code javafx.application.Application}, so that it starts from a plain class path too.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            javafx.application.Application.launch(io.orrery.workbench.WorkbenchApp.class, args);
            return;
        }
        if (System.getProperty("orrery.samples") == null) {
            System.setProperty("orrery.samples", "sample-tasks");
        }
        System.exit(OrreryCommand.run(args));
    }
}
