package io.orrery.engine;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Jupyter as this machine has it: {@code jupyter-nbconvert} on the PATH and what its {@code --version} says.
 *
 * @param path where it is, or null when it is not on the PATH
 * @param version its version, or null when it is absent or did not say
 * @param detail one plain sentence when something is missing (empty otherwise)
 */
public record Jupyter(String path, String version, String detail) {
    public static final String PROGRAM = "jupyter-nbconvert";

    public boolean found() {
        return version != null;
    }

    /** Looks for {@code jupyter-nbconvert} on the given PATH and runs it with {@code --version}. */
    public static Jupyter probe(String pathVariable, Duration timeout) {
        Path program = onPath(pathVariable);
        if (program == null) {
            return new Jupyter(null, null, PROGRAM + " not on PATH (install jupyter-nbconvert)");
        }
        try {
            Process p = new ProcessBuilder(program.toString(), "--version")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new Jupyter(program.toString(), null, "--version gave no answer within " + timeout.toSeconds() + " s");
            }
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
            }
            if (p.exitValue() != 0 || out.isEmpty()) {
                return new Jupyter(program.toString(), null, "--version failed (exit " + p.exitValue() + ")");
            }
            return new Jupyter(program.toString(), out.lines().reduce((a, b) -> b).orElse(out), "");
        } catch (IOException e) {
            return new Jupyter(program.toString(), null, "could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Jupyter(program.toString(), null, "interrupted");
        }
    }

    static Path onPath(String pathVariable) {
        if (pathVariable == null) {
            return null;
        }
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, PROGRAM);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
