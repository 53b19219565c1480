package io.orrery.engine.slurm;

import io.orrery.broker.ExternalLoad;
import io.orrery.broker.platform.Platform;
import io.orrery.broker.platform.PlatformException;
import io.orrery.engine.DataStager;
import io.orrery.engine.JobEngine;
import io.orrery.engine.LocalPlatform;
import io.orrery.engine.RealExecution;
import io.orrery.engine.SessionFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code slurm} platform: a real Slurm cluster, sized from its nodes, loaded with its queue before every
 * request, its offers held as reservations and its sessions run as jobs. {@code slurm} finds the configuration as
 * Slurm's own commands do ({@code SLURM_CONF}, else the one {@code orrery engines setup slurm} writes, else
 * {@code /etc/slurm/slurm.conf}); {@code slurm:FILE} names it.
 */
public final class SlurmPlatform {
    public static final String NAME = "slurm";
    /** Where {@code orrery engines setup slurm} keeps its cluster. */
    public static final Path SETUP_CONF = Path.of("/var/lib/orrery/slurm/slurm.conf");
    /** The environment variable naming the partition sessions run in (else the cluster's default partition). */
    public static final String PARTITION = "ORRERY_SLURM_PARTITION";

    /** A cluster opened for a broker: its platform, what runs its sessions and what reads its load. */
    public record Opened(Platform platform, SlurmCluster cluster, String partition) {
        /** What runs the sessions (keeping their files under root). */
        public RealExecution execution(LocalPlatform.Found f, Path root, Clock clock) {
            SessionFiles files = new SessionFiles(root);
            DataStager stager = new DataStager(LocalPlatform.MAX_DATA_BYTES, Duration.ofMinutes(10));
            SlurmEngine engine = new SlurmEngine(cluster, partition, files, stager,
                    f.engine().map(e -> e.engine().equals("podman") ? "podman" : "docker").orElse(null));
            Map<String, JobEngine> engines = new LinkedHashMap<>();
            platform.execution().engines().keySet().forEach(kind -> engines.put(kind, engine));
            return new RealExecution(engines, files, clock);
        }

        /**
         * Other users' work (and other brokers'), read from the cluster before each request; ownSession tells this
         * broker's own sessions, already booked. Empty when the cluster cannot be read just then: the reservation
         * made for each offer still guards the slot.
         */
        public ExternalLoad load(Clock clock, java.util.function.Predicate<String> ownSession) {
            return () -> {
                try {
                    return cluster.load(clock.instant(), ownSession);
                } catch (IOException e) {
                    return List.of();
                }
            };
        }
    }

    private SlurmPlatform() {
    }

    public static boolean names(String spec) {
        return spec.equals(NAME) || spec.startsWith(NAME + ":");
    }

    /** The configuration a spec names, or the one Slurm's commands would use. */
    public static Path conf(String spec, Map<String, String> env) {
        if (spec.startsWith(NAME + ":")) {
            return Path.of(spec.substring(NAME.length() + 1));
        }
        String fromEnv = env.get("SLURM_CONF");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return Files.isRegularFile(SETUP_CONF) ? SETUP_CONF : Path.of("/etc/slurm/slurm.conf");
    }

    /** Reads the cluster; a {@link PlatformException} saying what is wrong when it cannot be reached. */
    public static Opened open(String spec, Map<String, String> env, LocalPlatform.Found f) {
        Path conf = conf(spec, env);
        if (!Files.isRegularFile(conf)) {
            throw new PlatformException("no Slurm configuration at " + conf + ": run 'orrery engines setup slurm' as"
                    + " root for a test cluster, or name yours with --platform slurm:/path/to/slurm.conf");
        }
        SlurmCluster cluster = new SlurmCluster(new SlurmCli(conf, Duration.ofSeconds(20)), ZoneId.systemDefault());
        try {
            SlurmCluster.Partition partition = cluster.partition(env.get(PARTITION));
            SlurmCluster.Size size = cluster.size(partition.name());
            return new Opened(platform(size, partition, f), cluster, partition.name());
        } catch (IOException e) {
            throw new PlatformException("the Slurm cluster of " + conf + " cannot be read: " + e.getMessage());
        }
    }

    static Platform platform(SlurmCluster.Size size, SlurmCluster.Partition partition, LocalPlatform.Found f) {
        long memory = Math.max(1, size.memoryMiB() / 1024);
        long gpus = size.gpus().values().stream().mapToLong(Long::longValue).sum();
        Map<String, String> engines = new LinkedHashMap<>();
        Map<String, String> unavailable = new LinkedHashMap<>();
        if (f.engine().isPresent()) {
            engines.put(LocalPlatform.CONTAINER, NAME);
        } else {
            unavailable.put(LocalPlatform.CONTAINER, LocalPlatform.NO_ENGINE);
        }
        if (f.jupyter().found()) {
            engines.put(LocalPlatform.NOTEBOOK, NAME);
        } else {
            unavailable.put(LocalPlatform.NOTEBOOK, LocalPlatform.NO_JUPYTER);
        }
        unavailable.put(LocalPlatform.PROGRAM, "its jobs run containers and notebooks, not Python programs (the local"
                + " platform runs them)");
        Duration longest = partition.maxTime().orElse(Duration.ofDays(7));
        return new Platform(NAME, "Slurm cluster: " + size.nodes() + " node" + (size.nodes() == 1 ? "" : "s") + ", "
                + size.cores() + " cores, " + memory + " GiB, partition " + partition.name() + "; offers held as"
                + " reservations, sessions run as jobs",
                new Platform.Capacity(size.cores(), memory, 100, size.gpus()),
                Set.of(LocalPlatform.CONTAINER, LocalPlatform.NOTEBOOK), Set.of("simple-data-resource"),
                size.gpus().isEmpty() ? null : size.gpus().keySet().iterator().next(),
                new Platform.Limits(size.cores(), memory, 100, gpus, longest, Duration.ofDays(7), false,
                        List.of("amd64", "arm64"), false),
                new Platform.Preparation(Map.of(LocalPlatform.CONTAINER, Duration.ofSeconds(5),
                        LocalPlatform.NOTEBOOK, Duration.ofSeconds(5)), Duration.ofSeconds(5), 0,
                        List.of(new Platform.DataSite("cluster", List.of("*"), 100, Duration.ZERO))),
                new Platform.OfferPolicy(3, Duration.ofMinutes(5), Duration.ofSeconds(10), "interactive"),
                new Platform.Prices(Platform.Rate.FREE, Platform.Rate.FREE, Platform.Rate.FREE, Platform.Rate.FREE, null),
                new Platform.Metrics(100, 500),
                new Platform.Execution(engines, false, unavailable));
    }
}
