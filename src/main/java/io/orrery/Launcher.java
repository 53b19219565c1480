package io.orrery;

import io.orrery.cli.OrreryCommand;

/**
 * The entry point. With no arguments it opens the workbench window, with just a task file it opens that in the
 * window (how the desktop hands over a file), otherwise it runs the command-line twin.
 * It does not extend {@code javafx.application.Application}, so that it starts from a plain class path too.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            javafx.application.Application.launch(io.orrery.workbench.WorkbenchApp.class, args);
            return;
        }
        if (args.length == 1 && opensInWindow(args[0])) {
            // a task handed over by the desktop (file association, drag onto the launcher): open it in the window
            javafx.application.Application.launch(io.orrery.workbench.WorkbenchApp.class,
                    "--open=" + java.nio.file.Path.of(args[0]).toAbsolutePath());
            return;
        }
        if (System.getProperty("orrery.samples") == null) {
            System.setProperty("orrery.samples", "sample-tasks");
        }
        System.exit(OrreryCommand.run(args));
    }

    /** A lone argument that names an existing task file rather than a command. */
    static boolean opensInWindow(String arg) {
        String a = arg.toLowerCase(java.util.Locale.ROOT);
        return (a.endsWith(".yaml") || a.endsWith(".yml") || a.endsWith(".json"))
                && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(arg));
    }
}
