package io.orrery.engine;

import io.orrery.model.check.PackageRequirement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Whether the packages a Python program requires are there, asked of the Python that will run it, once, as the
 * session is prepared (not at offer time: starting Python for every request would make offers slow). Each package
 * is looked up as an installed distribution ({@code importlib.metadata}), else imported by its name; a missing one, or
 * one whose version does not meet the constraint, fails the session with its name.
 */
final class PackageCheck {
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String SCRIPT = String.join("\n",
            "import sys, importlib, importlib.metadata as m",
            "for n in sys.argv[1:]:",
            "    try:",
            "        print(n + '\\t' + m.version(n)); continue",
            "    except Exception: pass",
            "    try:",
            "        mod = importlib.import_module(n.replace('-', '_'))",
            "        print(n + '\\t' + str(getattr(mod, '__version__', '')))",
            "    except BaseException as e: print(n + '\\t!' + type(e).__name__)");

    /** Sets up a process's environment as the program's own will be. */
    interface Environment {
        void apply(ProcessBuilder pb) throws IOException;
    }

    private final Path python;
    private final Path directory;
    private final Environment environment;

    PackageCheck(Path python, Path directory, Environment environment) {
        this.python = python;
        this.directory = directory;
        this.environment = environment;
    }

    /** Throws with every package that is missing or of the wrong version, named; returns when all are there. */
    void check(List<String> entries) throws IOException {
        Map<String, PackageRequirement> wanted = new LinkedHashMap<>();
        for (String entry : entries) {
            PackageRequirement r = PackageRequirement.parse(entry)
                    .orElseThrow(() -> new IOException("'" + entry + "' is not a package name"));
            wanted.put(r.name(), r);
        }
        if (wanted.isEmpty()) {
            return;
        }
        Map<String, String> found = ask(List.copyOf(wanted.keySet()));
        List<String> problems = new ArrayList<>();
        for (PackageRequirement r : wanted.values()) {
            String version = found.getOrDefault(r.name(), "!");
            if (version.startsWith("!")) {
                problems.add("missing Python package " + r.name() + " (install it with " + python + " -m pip install "
                        + r.name() + ")");
            } else if (r.versions().isPresent() && !r.versions().get().admits(version)) {
                problems.add("Python package " + r.name() + " is " + (version.isEmpty() ? "of an unknown version" : version)
                        + ", not " + r.versions().get());
            }
        }
        if (!problems.isEmpty()) {
            throw new IOException(String.join("; ", problems));
        }
    }

    private Map<String, String> ask(List<String> names) throws IOException {
        List<String> command = new ArrayList<>(List.of(python.toString(), "-c", SCRIPT));
        command.addAll(names);
        Path answer = Files.createTempFile("orrery-packages", ".txt");
        String out;
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(answer.toFile());
            environment.apply(pb);
            Process p = pb.start();
            p.getOutputStream().close();
            try {
                if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    HostProcesses.killTree(p);
                    throw new IOException("checking the required Python packages took more than "
                            + TIMEOUT.toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                HostProcesses.killTree(p);
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while checking the required Python packages");
            }
            out = Files.readString(answer, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(answer);
        }
        Map<String, String> found = new LinkedHashMap<>();
        for (String line : out.split("\\R")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                found.put(line.substring(0, tab), line.substring(tab + 1).strip());
            }
        }
        return found;
    }
}
