package io.orrery.engine;

import io.orrery.model.check.VersionConstraint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The Python 3 that runs {@code python-program} executables here: {@code /usr/bin/python3} when there is one (a
 * version manager's {@code python3} shim first on the PATH often lacks the system's modules), else {@code python3}
 * on the PATH, with the version its {@code --version} gives.
 *
 * @param path where it is, or null when there is none
 * @param version its version ({@code 3.11.2}), or null when it is absent or did not say
 * @param detail one plain sentence when something is missing (empty otherwise)
 */
public record Python(String path, String version, String detail) {
    public static final Path SYSTEM = Path.of("/usr/bin/python3");
    public static final Python NONE = new Python(null, null, "not looked for");

    public boolean found() {
        return version != null;
    }

    /** Looks for Python 3 ({@code /usr/bin/python3}, else {@code python3} on the PATH) and asks its version. */
    public static Python probe(String pathVariable, Duration timeout) {
        Path program = Files.isExecutable(SYSTEM) ? SYSTEM : ToolVersion.onPath(pathVariable, "python3");
        if (program == null) {
            return new Python(null, null, "no python3 at " + SYSTEM + " or on PATH (install python3)");
        }
        return of(program, timeout);
    }

    /** The given interpreter, asked for its version. */
    public static Python of(Path program, Duration timeout) {
        ToolVersion v = ToolVersion.ask(program, timeout);
        String number = v.version() == null ? null : VersionConstraint.number(v.version()).orElse(null);
        if (v.version() != null && (number == null || !number.matches("3(\\..*)?"))) {
            return new Python(program.toString(), null, "'" + v.version() + "' is not Python 3");
        }
        return new Python(program.toString(), number, v.detail());
    }
}
