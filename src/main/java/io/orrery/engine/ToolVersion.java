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
 * What a program of this machine says its version is ({@code PROGRAM --version}, within a timeout), and where a
 * program is on a PATH.
 *
 * @param version the last line it printed, or null when it did not say
 * @param detail why there is no version, in one plain sentence (empty otherwise)
 */
record ToolVersion(String version, String detail) {

    static ToolVersion ask(Path program, Duration timeout) {
        try {
            Process p = new ProcessBuilder(program.toString(), "--version")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new ToolVersion(null, "--version gave no answer within " + timeout.toSeconds() + " s");
            }
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
            }
            if (p.exitValue() != 0 || out.isEmpty()) {
                return new ToolVersion(null, "--version failed (exit " + p.exitValue() + ")");
            }
            return new ToolVersion(out.lines().reduce((a, b) -> b).orElse(out), "");
        } catch (IOException e) {
            return new ToolVersion(null, "could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ToolVersion(null, "interrupted");
        }
    }

    /** The executable file called name in one of the PATH's folders, or null. */
    static Path onPath(String pathVariable, String name) {
        if (pathVariable == null) {
            return null;
        }
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
