package io.orrery.engine;

import io.orrery.broker.platform.Platform;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.broker.session.ExecutionAdapter;
import io.orrery.broker.session.SimulatedExecution;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Platforms as this machine can really run them: the built-in {@code local} one, and platform files whose
 * {@code execution.engines} name an engine ({@code container}, {@code notebook}, {@code python}) for an executable kind. A kind whose
 * engine this machine lacks is refused at offer time with what to install; a platform that names no engine is
 * simulated.
 */
public final class RealPlatforms {
    public static final String CONTAINER = "container";
    public static final String NOTEBOOK = "notebook";
    public static final String PYTHON = "python";

    private RealPlatforms() {
    }

    /** {@code local} (probing the machine), another built-in name, or a platform file, fitted to this machine. */
    public static Platform load(String nameOrFile, Supplier<LocalPlatform.Found> probe) {
        if (LocalPlatform.NAME.equals(nameOrFile)) {
            return LocalPlatform.platform(probe.get());
        }
        Platform p = PlatformCatalog.load(nameOrFile);
        return p.execution().real() ? fitted(p, probe.get()) : p;
    }

    /** The platform with each kind whose engine is missing here moved to the refused ones, with the reason. */
    public static Platform fitted(Platform p, LocalPlatform.Found f) {
        Map<String, String> engines = new LinkedHashMap<>();
        Map<String, String> unavailable = new LinkedHashMap<>(p.execution().unavailable());
        p.execution().engines().forEach((kind, engine) -> {
            String missing = missing(engine, f);
            if (missing == null) {
                engines.put(kind, engine);
            } else {
                unavailable.put(kind, missing);
            }
        });
        Map<String, String> runtimes = new LinkedHashMap<>(p.execution().runtimes());
        if (engines.containsValue(PYTHON)) {
            runtimes.put("python", f.python().version());
        }
        return p.withExecution(new Platform.Execution(engines, p.execution().network(), unavailable, runtimes));
    }

    private static String missing(String engine, LocalPlatform.Found f) {
        return switch (engine) {
            case CONTAINER -> f.engine().isPresent() ? null : LocalPlatform.NO_ENGINE;
            case NOTEBOOK -> f.jupyter().found() ? null : LocalPlatform.NO_JUPYTER;
            case PYTHON -> f.python().found() ? null : LocalPlatform.NO_PYTHON;
            default -> "this machine has no engine called '" + engine + "' (container, notebook or python)";
        };
    }

    /** What runs a fitted platform's sessions: its engines, keeping files under root; simulated when it has none. */
    public static ExecutionAdapter adapter(Platform p, LocalPlatform.Found f, Path root, Clock clock) {
        return p.execution().real() ? execution(p, f, root, clock) : new SimulatedExecution();
    }

    static RealExecution execution(Platform p, LocalPlatform.Found f, Path root, Clock clock) {
        SessionFiles files = new SessionFiles(root);
        DataStager stager = new DataStager(LocalPlatform.MAX_DATA_BYTES, Duration.ofMinutes(10));
        Map<String, JobEngine> engines = new LinkedHashMap<>();
        p.execution().engines().forEach((kind, engine) -> {
            if (engine.equals(CONTAINER) && f.engine().isPresent()) {
                engines.put(kind, new ContainerEngine(new DockerApi(Path.of(f.engine().get().socket()),
                        Duration.ofSeconds(30)), files, stager, p.execution().network()));
            } else if (engine.equals(NOTEBOOK) && f.jupyter().found()) {
                engines.put(kind, HostEngine.notebooks(Path.of(f.jupyter().path()), files, stager));
            } else if (engine.equals(PYTHON) && f.python().found()) {
                engines.put(kind, HostEngine.programs(Path.of(f.python().path()), files, stager));
            }
        });
        return new RealExecution(engines, files, clock);
    }
}
