package io.orrery.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One session's Python program: fetched into its scratch space with its data ({@code data/NAME/FILE} beside it,
 * read-only), its required packages checked ({@link PackageCheck}), then run as {@code PYTHON PROGRAM ARGS...} with
 * the scratch space as its working directory. What it writes to {@code outputs/} (a link to the session's outputs,
 * also in {@code $OUTPUTS} and {@code $ORRERY_OUTPUTS}) becomes the session's outputs; its standard output and error
 * are the session's logs, its exit code the session's. Cores and memory are not fenced (it is a process of this
 * machine, not a container); the offered end is enforced.
 */
final class ProgramJob extends HostJob {
    private volatile Path program;

    ProgramJob(HostWork w) {
        super(w);
    }

    @Override
    public void prepare() throws IOException {
        JsonNode exe = w.offer().path("executable");
        String location = exe.path("location").asString(null);
        if (location == null || location.isBlank()) {
            throw new IOException("the program has no location (executable.location)");
        }
        if (!location.matches("(?i)[a-z][a-z0-9+.-]+:.*")) {
            location = Path.of(location).toAbsolutePath().toUri().toString(); // a path, relative to the broker's
        }
        Path scratch = w.files().scratch(w.session());
        String name = DataStager.fileName(location);
        Path file = scratch.resolve(name.endsWith(".py") ? name : "program.py");
        w.stager().copy("program", location, file);
        program = file;
        for (Path staged : w.stager().stage(w.offer(), scratch).values()) {
            staged.toFile().setWritable(false, false);
        }
        Path link = scratch.resolve("outputs");
        if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(link, w.files().outputs(w.session()));
        }
        List<String> packages = new ArrayList<>();
        exe.path("requirements").path("packages").forEach(p -> packages.add(p.asString("")));
        new PackageCheck(w.program(), scratch, this::environment).check(packages);
    }

    @Override
    public void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(w.program().toString(), program.toString()));
        w.offer().path("executable").path("arguments").forEach(a -> command.add(a.asString("")));
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(w.files().scratch(w.session()).toFile())
                .redirectOutput(w.files().log(w.session(), "stdout").toFile())
                .redirectError(w.files().log(w.session(), "stderr").toFile());
        environment(pb);
        launch(pb);
    }

    /** The environment of every process of the session's: marked as the broker's, with where outputs go. */
    private void environment(ProcessBuilder pb) throws IOException {
        w.processes().mark(pb, w.session());
        String outputs = w.files().outputs(w.session()).toString();
        pb.environment().put("OUTPUTS", outputs);
        pb.environment().put("ORRERY_OUTPUTS", outputs);
        pb.environment().put("PYTHONUNBUFFERED", "1");
        pb.environment().remove("PYTHONPATH");
    }

    @Override
    public long awaitExit() throws InterruptedException {
        return process().waitFor();
    }

    @Override
    public String failure(long exitCode) {
        String error = null;
        try {
            error = Tracebacks.lastError(Files.readString(w.files().log(w.session(), "stderr"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            // no error text: the exit code says it
        }
        return "the program exited with code " + exitCode + (error == null ? "" : ": " + error);
    }
}
