package io.orrery.cli;

import io.orrery.model.check.Checker;
import io.orrery.model.check.LocatedFinding;
import io.orrery.model.codec.Format;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code orrery validate FILE...}: syntax and meaning, one line per finding. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check ExecutionBroker documents (requests of any generation, offer sets, sessions).",
            "Prints FILE:LINE:COLUMN: error|warning: message (field) for each finding.",
            "Exit status: 0 no errors, 1 errors found, 2 usage error."})
public final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "YAML or JSON files")
    List<Path> files;

    @CommandLine.Option(names = {"-q", "--quiet"}, description = "print errors only, not warnings")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int errors = 0;
        int warnings = 0;
        for (Path file : files) {
            String text;
            try {
                text = InputFile.read(file);
            } catch (IOException e) {
                err.println("orrery validate: " + e.getMessage());
                return 2;
            }
            for (LocatedFinding f : check(text, Format.guess(file, text))) {
                if (f.isError()) {
                    errors++;
                } else {
                    warnings++;
                    if (quiet) {
                        continue;
                    }
                }
                out.println(f.format(file.toString()));
            }
        }
        out.flush();
        err.println(files.size() + (files.size() == 1 ? " file" : " files") + " checked: " + errors
                + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings"));
        return errors > 0 ? 1 : 0;
    }

    /** Every finding in a text, in source order. */
    public static List<LocatedFinding> check(String text, Format format) {
        return Checker.check(text, format);
    }
}
