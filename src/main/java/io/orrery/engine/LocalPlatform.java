package io.orrery.engine;

import io.orrery.broker.platform.Platform;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in {@code local} platform: this machine, sized from what it has (its cores, its memory less 1 GiB for
 * itself), running containers on the engine {@link EngineProbe} finds, notebooks on the Jupyter it finds and Python
 * programs on its Python 3, for real. A kind whose engine is missing stays listed, and a request for it is refused with what to install.
 */
public final class LocalPlatform {
    public static final String NAME = "local";
    public static final String CONTAINER = "docker-container";
    public static final String NOTEBOOK = "jupyter-notebook";
    public static final String PROGRAM = "python-program";
    public static final String NO_ENGINE = "no container engine: install docker.io or podman (or run 'orrery engines"
            + " setup' as root)";
    public static final String NO_JUPYTER = "no Jupyter: install jupyter-nbconvert (or run 'orrery engines setup' as"
            + " root)";
    public static final String NO_PYTHON = "no Python 3: install python3";
    /** The most a single data resource may be when staged here. */
    public static final long MAX_DATA_BYTES = 10L * 1024 * 1024 * 1024;

    /** What this machine has to run sessions with. */
    public record Found(Machine machine, Optional<EngineSocket> engine, Jupyter jupyter, Python python) {
        /** What a machine has, its Python not looked for. */
        public Found(Machine machine, Optional<EngineSocket> engine, Jupyter jupyter) {
            this(machine, engine, jupyter, Python.NONE);
        }

        public static Found probe(Map<String, String> env) {
            return probe(env, Duration.ofSeconds(5));
        }

        /** Probes the engines, Jupyter and Python, each within the timeout. */
        public static Found probe(Map<String, String> env, Duration timeout) {
            Optional<EngineSocket> engine = new EngineProbe(env, timeout).probeAll(List.of()).stream()
                    .filter(EngineSocket::answers).findFirst();
            return new Found(Machine.probe(), engine, Jupyter.probe(env.get("PATH"), timeout),
                    Python.probe(env.get("PATH"), timeout));
        }
    }

    private LocalPlatform() {
    }

    public static Platform platform(Found f) {
        long cores = Math.max(1, f.machine().cores());
        long memory = Math.max(1, f.machine().memoryBytes() / (1L << 30) - 1);
        Map<String, String> engines = new LinkedHashMap<>();
        Map<String, String> unavailable = new LinkedHashMap<>();
        if (f.engine().isPresent()) {
            engines.put(CONTAINER, RealPlatforms.CONTAINER);
        } else {
            unavailable.put(CONTAINER, NO_ENGINE);
        }
        if (f.jupyter().found()) {
            engines.put(NOTEBOOK, RealPlatforms.NOTEBOOK);
        } else {
            unavailable.put(NOTEBOOK, NO_JUPYTER);
        }
        Map<String, String> runtimes = new LinkedHashMap<>();
        if (f.python().found()) {
            engines.put(PROGRAM, RealPlatforms.PYTHON);
            runtimes.put("python", f.python().version());
        } else {
            unavailable.put(PROGRAM, NO_PYTHON);
        }
        String what = f.engine().map(e -> e.engine() + " " + e.version()).orElse("no container engine")
                + (f.jupyter().found() ? ", Jupyter" : ", no Jupyter")
                + (f.python().found() ? ", Python " + f.python().version() : ", no Python 3");
        return new Platform(NAME, "This machine, for real: " + cores + " cores, " + memory + " GiB, " + what,
                new Platform.Capacity(cores, memory, 50, Map.of()), Set.of(CONTAINER, NOTEBOOK, PROGRAM),
                Set.of("simple-data-resource"), null,
                new Platform.Limits(cores, memory, 50, 0, Duration.ofHours(12), Duration.ofDays(2), false,
                        List.of("amd64", "arm64"), false),
                new Platform.Preparation(Map.of(CONTAINER, Duration.ofSeconds(1), NOTEBOOK, Duration.ofSeconds(1),
                        PROGRAM, Duration.ofSeconds(1)),
                        Duration.ofSeconds(2), 0,
                        List.of(new Platform.DataSite("this-machine", List.of("*"), 100, Duration.ZERO))),
                new Platform.OfferPolicy(2, Duration.ofMinutes(5), Duration.ofSeconds(1), "interactive"),
                new Platform.Prices(Platform.Rate.FREE, Platform.Rate.FREE, Platform.Rate.FREE, Platform.Rate.FREE,
                        null),
                new Platform.Metrics(100, 500),
                new Platform.Execution(engines, false, unavailable, runtimes));
    }

    /** What runs the local platform's sessions, keeping their files under root. */
    public static RealExecution execution(Found f, Path root, Clock clock) {
        return RealPlatforms.execution(platform(f), f, root, clock);
    }
}
