package io.orrery.engine;

import java.nio.file.Path;
import java.time.Duration;

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
        ToolVersion v = ToolVersion.ask(program, timeout);
        return new Jupyter(program.toString(), v.version(), v.detail());
    }

    static Path onPath(String pathVariable) {
        return ToolVersion.onPath(pathVariable, PROGRAM);
    }
}
