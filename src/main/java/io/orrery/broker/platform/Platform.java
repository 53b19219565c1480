package io.orrery.broker.platform;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compute platform a broker offers: what it has, what it runs, its limits, how long preparation takes, how it
 * makes offers and what they cost. Read from YAML ({@link PlatformCatalog}); sizes in cores and GiB.
 */
public record Platform(String name, String description, Capacity capacity, Set<String> executables, Set<String> data,
                       String gpuKind, Limits limits, Preparation preparation, OfferPolicy offers, Prices prices,
                       Metrics metrics, Execution execution) {

    /** Simulated unless the platform file says which engine runs what. */
    public Execution execution() {
        return execution == null ? Execution.SIMULATED : execution;
    }

    /** The same platform with another offer policy. */
    public Platform withOffers(OfferPolicy policy) {
        return new Platform(name, description, capacity, executables, data, gpuKind, limits, preparation, policy, prices,
                metrics, execution);
    }

    /** The same platform run another way (for example with the kinds this machine cannot run refused). */
    public Platform withExecution(Execution e) {
        return new Platform(name, description, capacity, executables, data, gpuKind, limits, preparation, offers, prices,
                metrics, e);
    }

    /** The same platform with other capacity (and limits no smaller than before), for benchmarks and what-ifs. */
    public Platform withCapacity(long cores, long memory) {
        return new Platform(name, description, new Capacity(cores, memory, capacity.storage(), capacity.gpus()),
                executables, data, gpuKind, limits, preparation, offers, prices, metrics, execution);
    }

    /** Everything the platform has at once; GPUs by model. */
    public record Capacity(long cores, long memory, long storage, Map<String, Long> gpus) {
        public Map<String, Long> gpus() {
            return gpus == null ? Map.of() : gpus;
        }
    }

    /** Policy: the largest single session, the longest run, how far ahead it books, what images it accepts. */
    public record Limits(long cores, long memory, long storage, long gpus, java.time.Duration longest,
                         java.time.Duration horizon, boolean requireDigest, List<String> architectures,
                         boolean privileged) {
    }

    /** Preparation: image pull by executable kind, release time, and the data sites table for staging. */
    public record Preparation(Map<String, java.time.Duration> images, java.time.Duration release,
                              long defaultDataSize, List<DataSite> sites) {
    }

    /**
     * A place data can come from: matched by Rucio RSE name, host name or endpoint ({@code *} matches anything,
     * {@code *.example.org} any host under it), with the bandwidth (MB/s) and latency from there to this platform.
     */
    public record DataSite(String name, List<String> match, double bandwidth, java.time.Duration latency) {
    }

    /** How offers are made: how many alternatives, how long they hold, the slot grid, batch or interactive. */
    public record OfferPolicy(int alternatives, java.time.Duration lifetime, java.time.Duration granularity,
                              String style) {
        public boolean interactive() {
            return "interactive".equalsIgnoreCase(style);
        }
    }

    /** Prices per core-hour, GiB-hour of memory and of storage, and GPU-hour; an optional off-peak discount. */
    public record Prices(Rate coreHour, Rate memoryGiBHour, Rate storageGiBHour, Rate gpuHour, OffPeak offPeak) {
    }

    /** One unit's price in money, energy (kWh) and carbon (gCO2). */
    public record Rate(double monetary, double energy, double carbon) {
        public static final Rate FREE = new Rate(0, 0, 0);
    }

    /** A daily window (UTC hours, may wrap midnight) in which prices are multiplied by factor. */
    public record OffPeak(int fromHour, int toHour, double factor) {
        public boolean covers(int hour) {
            return fromHour <= toHour ? hour >= fromHour && hour < toHour : hour >= fromHour || hour < toHour;
        }
    }

    /**
     * How sessions really run: the engine for each executable kind ({@code container}, {@code notebook}; a kind not
     * named is simulated), whether a session may use the network, and, for kinds the platform would run but cannot
     * on this machine just now, the reason a request for one is refused (for example "no container engine: install
     * docker.io or podman"), and the versions of the runtimes it offers ({@code python: 3.11.2}), against which a
     * request's requirements (a {@code python-program}'s {@code requirements.python}) are checked at offer time.
     */
    public record Execution(Map<String, String> engines, boolean network, Map<String, String> unavailable,
                            Map<String, String> runtimes) {
        public static final Execution SIMULATED = new Execution(Map.of(), false, Map.of(), Map.of());

        public Execution(Map<String, String> engines, boolean network, Map<String, String> unavailable) {
            this(engines, network, unavailable, Map.of());
        }

        public Map<String, String> runtimes() {
            return runtimes == null ? Map.of() : runtimes;
        }

        public Map<String, String> engines() {
            return engines == null ? Map.of() : engines;
        }

        public Map<String, String> unavailable() {
            return unavailable == null ? Map.of() : unavailable;
        }

        /** Whether any kind really runs (so that data must really be fetched). */
        public boolean real() {
            return !engines().isEmpty();
        }
    }

    /** What the platform's compute delivers: a benchmark score and IO throughput (MB/s). */
    public record Metrics(double computePerformance, double ioThroughput) {
    }
}
