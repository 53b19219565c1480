package io.orrery;

import io.orrery.cli.OrreryCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** A command line run as a script sees it: exit code, standard output and standard error. */
public record CliRun(int code, String out, String err) {
    public static CliRun of(String... args) {
        return on(OrreryCommand.commandLine(), args);
    }

    /** A command line of the developers' tools (bench, loadtest), run from a checkout. */
    public static CliRun tools(String... args) {
        return on(io.orrery.tools.Tools.commandLine(), args);
    }

    /** Any command line, e.g. one built around a command made for a test. */
    public static CliRun on(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
