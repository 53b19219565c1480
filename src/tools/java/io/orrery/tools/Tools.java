package io.orrery.tools;

import io.orrery.cli.OrreryCommand;
import picocli.CommandLine;

/**
 * The developers' tools, run from a checkout ({@code ./orrery bench}, {@code ./orrery loadtest},
 * {@code ./orrery gui --demo}): the command line of the product with the benchmarks, the load generator and the
 * window's demonstration added. They live in {@code src/tools/java}, are compiled
 * with the tests and never go into the shipped jar or the .deb.
 */
public final class Tools {
    private Tools() {}

    /** The product's command line plus the tools' commands. */
    public static CommandLine commandLine() {
        CommandLine cl = OrreryCommand.commandLine();
        cl.getCommandSpec().removeSubcommand("gui");
        cl.addSubcommand("gui", new DemoGuiCommand());
        cl.addSubcommand("bench", new BenchCommand());
        cl.addSubcommand("loadtest", new LoadTestCommand());
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
