package io.orrery.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code orrery}: the command-line twin of the workbench. */
@Command(name = "orrery", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Plan compute runs across IVOA ExecutionBroker services.%n"
                + "Run without arguments to open the workbench window.",
        subcommands = {GuiCommand.class, ValidateCommand.class, ConvertCommand.class, OffersCommand.class, UpdateCommand.Accept.class,
            UpdateCommand.Reject.class, UpdateCommand.Cancel.class, WatchCommand.class, ClockCommand.class, BrokersCommand.class,
            PlatformsCommand.class, ServeCommand.class, EnginesCommand.class, LogsCommand.class, OutputsCommand.class,
            UsersCommand.class, WhatIfCommand.class, LoginCommand.Login.class, LoginCommand.Logout.class,
            CommandLine.HelpCommand.class})
public final class OrreryCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command; see 'orrery --help'");
    }

    /** Runs a command line and returns its exit code: 0 done, 1 findings or failure, 2 usage error. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new OrreryCommand());
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? 2 : 1);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("orrery: " + io.orrery.client.BrokerError.plain(e));
            return 1;
        });
        return cl;
    }
}
