package io.orrery.cli;

import io.orrery.model.check.LocatedFinding;
import io.orrery.model.codec.Dialect;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.ParsedDocument;
import io.orrery.model.codec.SyntaxException;
import io.orrery.model.codec.WireCodec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code orrery convert}: prints a document in the chosen format and generation. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Print an ExecutionBroker document as YAML or JSON, in the chosen generation of the format.",
            "Reading notes and errors go to standard error. Exit status: 0 done, 1 unreadable, 2 usage error."})
public final class ConvertCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "a YAML or JSON file")
    Path file;

    @Option(names = "--to", paramLabel = "yaml|json", description = "output format (default: ${DEFAULT-VALUE})",
            defaultValue = "yaml", converter = FormatConverter.class)
    Format to;

    @Option(names = "--dialect", paramLabel = "NAME", defaultValue = "newest", converter = DialectConverter.class,
            description = "generation to write: newest, 2026-08, 2026-05, 2025-10, 2025-04 or 2023 (default: ${DEFAULT-VALUE})")
    Dialect dialect;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String text;
        try {
            text = InputFile.read(file);
        } catch (IOException e) {
            err.println("orrery convert: " + e.getMessage());
            return 2;
        }
        List<ParsedDocument> docs;
        try {
            docs = WireCodec.readAll(text, Format.guess(file, text));
        } catch (SyntaxException e) {
            err.println(file + ":" + e.position().line() + ":" + e.position().column() + ": error: " + e.getMessage());
            return 1;
        }
        int status = 0;
        for (int i = 0; i < docs.size(); i++) {
            ParsedDocument doc = docs.get(i);
            for (var f : doc.findings()) {
                LocatedFinding located = doc.locate(f);
                err.println(located.format(file.toString()));
            }
            if (doc.document().isEmpty()) {
                status = 1;
                continue;
            }
            if (i > 0 && to == Format.YAML) {
                out.println("---");
            }
            out.print(WireCodec.write(doc.document().get(), to, dialect));
        }
        out.flush();
        return status;
    }

    static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.byName(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not yaml or json");
            }
        }
    }

    static final class DialectConverter implements CommandLine.ITypeConverter<Dialect> {
        @Override
        public Dialect convert(String value) {
            return Dialect.byName(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "'" + value + "' is not a dialect; use newest or one of " + Dialect.ids()));
        }
    }
}
