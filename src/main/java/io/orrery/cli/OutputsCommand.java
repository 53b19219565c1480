package io.orrery.cli;

import io.orrery.broker.session.OutputName;
import io.orrery.client.BrokerError;
import io.orrery.client.OutputChunk;
import io.orrery.model.Connector;
import io.orrery.model.ExecutionSession;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code orrery outputs SESSION DIR}: saves every output a session's connectors list (logs, exit code, files). */
@Command(name = "outputs", mixinStandardHelpOptions = true,
        description = {"Save a session's outputs into DIR: stdout, stderr, exit and the files it wrote (outputs/NAME,",
            "kept as relative paths under DIR), as its connectors list them; one line per file with its size.",
            "An output still growing is saved as far as it has got. A name that would leave DIR is refused.",
            "Exit status: 0 saved, 1 no outputs yet, a name refused, or the broker cannot be reached or failed."})
public final class OutputsCommand implements Callable<Integer> {
    /** The kind of connector that stands for an output of the session. */
    static final String OUTPUT_KIND = "urn:orrery:connector:output";

    @Parameters(index = "0", paramLabel = "URL|#", description = "the session's URL, or its number in the last"
            + " 'orrery offers' listing")
    String url;

    @Parameters(index = "1", paramLabel = "DIR", description = "where to save them (made if missing)")
    Path dir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** One output to save: its name, and whether its connector said it may still grow. */
    private record Listed(String name, boolean growing) {
    }

    @Override
    public Integer call() {
        try (SessionBroker broker = SessionBroker.of(url)) {
            ExecutionSession s = broker.call(b -> b.session(broker.url()));
            List<Listed> outputs = outputs(s);
            if (outputs.isEmpty()) {
                return fail("session " + broker.url() + " has no outputs yet (it is " + s.phase() + ")");
            }
            Files.createDirectories(dir);
            Path root = dir.toRealPath();
            boolean refused = false;
            for (Listed o : outputs) {
                Path target = target(root, o.name());
                if (target == null) {
                    refused = true;
                    continue;
                }
                long size = save(broker, o.name(), target);
                spec.commandLine().getOut().println(dir.resolve(o.name()) + "  " + String.format(Locale.ROOT, "%,d", size)
                        + " bytes" + (o.growing() ? " (still growing: saved as far as it has got)" : ""));
            }
            spec.commandLine().getOut().flush();
            return refused ? 1 : 0;
        } catch (LastListing.Problem e) {
            return fail(e.getMessage(), e.code());
        } catch (BrokerError e) {
            return fail(e.getMessage());
        } catch (IOException e) {
            return fail("cannot save into " + dir + ": " + BrokerError.plain(e));
        }
    }

    private static List<Listed> outputs(ExecutionSession s) {
        List<Listed> out = new ArrayList<>();
        for (Connector c : s.connectors() == null ? List.<Connector>of() : s.connectors()) {
            JsonNode name = c.extras() == null ? null : c.extras().get("name");
            if (OUTPUT_KIND.equals(c.kind()) && name != null && name.isString()) {
                out.add(new Listed(name.asString(), "AVAILABLE".equals(c.status())));
            }
        }
        return out;
    }

    /** Where an output goes under root; null (said on standard error) when its name would leave root. */
    private Path target(Path root, String name) throws IOException {
        String problem = OutputName.problem(name);
        Path target = root.resolve(name).normalize();
        if (problem == null && target.startsWith(root) && !target.equals(root)) {
            Files.createDirectories(target.getParent());
            if (target.getParent().toRealPath().startsWith(root)) {
                return target;
            }
            problem = "its folder leads out of " + root + " through a link";
        }
        spec.commandLine().getErr().println("orrery outputs: refused the output '" + name + "': " + problem);
        return null;
    }

    /** Reads the output from its start to where it has got, into a file beside the target, then moves it there. */
    private static long save(SessionBroker broker, String name, Path target) throws IOException {
        Path part = Files.createTempFile(target.getParent(), ".orrery-", ".part");
        try {
            long offset = 0;
            try (OutputStream out = Files.newOutputStream(part)) {
                while (true) {
                    long from = offset;
                    OutputChunk c = broker.call(b -> b.readOutput(broker.url(), name, from));
                    out.write(c.bytes());
                    offset = c.next();
                    if (c.bytes().length == 0) {
                        break;
                    }
                }
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return offset;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private int fail(String message) {
        return fail(message, 1);
    }

    private int fail(String message, int code) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("orrery outputs: " + message);
        return code;
    }
}
