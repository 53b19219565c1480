package io.orrery.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code orrery}: the command-line twin of the workbench. */
@Command(name = "orrery", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Plan compute runs across IVOA ExecutionBroker services.%n"
                + "Run without arguments to open the workbench window.")
public final class OrreryCommand implements Runnable {
    /** Every command, in the order --help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(GuiCommand.class, ValidateCommand.class, ConvertCommand.class,
            OffersCommand.class, UpdateCommand.Accept.class, UpdateCommand.Reject.class, UpdateCommand.Cancel.class,
            WatchCommand.class, ClockCommand.class, BrokersCommand.class, PlatformsCommand.class, ServeCommand.class,
            EnginesCommand.class, LogsCommand.class, OutputsCommand.class, UsersCommand.class, WhatIfCommand.class,
            LoginCommand.Login.class, LoginCommand.Logout.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command; see 'orrery --help'");
    }

    /** Runs a command line and returns its exit code: 0 done, 1 findings or failure, 2 usage error. */
    public static int run(String... args) {
        return withCommands(args.length == 0 ? null : args[0]).execute(args);
    }

    /** The command line with every command (for --help, and for the developers' tools to add theirs). */
    public static CommandLine commandLine() {
        return withCommands(null);
    }

    /**
     * The command line with only the command named, when it names one (not help, which needs them all), else with
     * every one: picocli reads each command's options by reflection, so a start that builds one command instead of
     * twenty (orrery serve, say) is ready about a third sooner.
     */
    private static CommandLine withCommands(String first) {
        Class<?> only = null;
        for (Class<?> c : first == null ? List.<Class<?>>of() : COMMANDS) {
            Command command = c.getAnnotation(Command.class);
            if (c != CommandLine.HelpCommand.class && (command.name().equals(first)
                    || List.of(command.aliases()).contains(first))) {
                only = c;
            }
        }
        CommandLine cl = new CommandLine(new OrreryCommand());
        for (Class<?> c : only == null ? COMMANDS : List.of(only)) {
            cl.addSubcommand(c);
        }
        // the handlers reach the commands added so far (picocli's rule): so they are set last
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? 2 : 1);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("orrery: " + io.orrery.client.BrokerError.plain(e));
            return 1;
        });
        return cl;
    }
}
