package io.orrery.broker.offer;

import io.orrery.broker.platform.Platform;
import io.orrery.model.ComputeResource;
import io.orrery.model.DataResource;
import io.orrery.model.SimpleData;
import io.orrery.model.DockerContainer;
import io.orrery.model.DockerPort;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.Executable;
import io.orrery.model.FloatItem;
import io.orrery.model.Kind;
import io.orrery.model.Message;
import io.orrery.model.MinMax;
import io.orrery.model.PythonProgram;
import io.orrery.model.SimpleCompute;
import io.orrery.model.SimpleStorage;
import io.orrery.model.StorageResource;
import io.orrery.model.UnknownCompute;
import io.orrery.model.check.ComponentChecks;
import io.orrery.model.check.Finding;
import io.orrery.model.check.ParsedPointers;
import io.orrery.model.check.QuantityChecks;
import io.orrery.model.check.VersionConstraint;
import io.orrery.model.check.Validator;
import io.orrery.model.codec.Dialect;
import io.orrery.model.time.TimeFormatException;
import io.orrery.model.time.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threeten.extra.Interval;
import tools.jackson.databind.JsonNode;

/**
 * Checks a request against a platform and works out what it needs ({@link Demand}), or says why not: every
 * reason for a NO names the field, what was asked and what the limit is.
 */
public final class RequestAnalyzer {
    static final Duration DEFAULT_DURATION = Duration.ofHours(2);

    private final Platform platform;
    private final Instant now;
    private final List<Message> reasons = new ArrayList<>();

    private RequestAnalyzer(Platform platform, Instant now) {
        this.platform = platform;
        this.now = now;
    }

    /** The demand, or the reasons it cannot be met here. */
    public record Result(Demand demand, List<Message> reasons) {
        public boolean ok() {
            return demand != null;
        }
    }

    public static Result analyze(ExecutionRequest request, Platform platform, Instant now) {
        RequestAnalyzer a = new RequestAnalyzer(platform, now);
        Demand d = a.run(request);
        return a.reasons.isEmpty() ? new Result(d, List.of()) : new Result(null, List.copyOf(a.reasons));
    }

    private void no(String kind, String template, Object... values) {
        reasons.add(BrokerMessages.error(now, kind, template, values));
    }

    private Demand run(ExecutionRequest r) {
        for (Finding f : Validator.validate(r)) {
            if (f.isError()) {
                String field = ParsedPointers.dotted(f.pointer());
                no(f.pointer().equals("/executable") && r.executable() == null ? BrokerMessages.EXECUTABLE_REQUIRED
                        : BrokerMessages.INVALID_REQUEST, "${field}: ${problem}", "field", field, "problem", f.message());
            }
        }
        if (!reasons.isEmpty()) {
            // nothing below runs on a request whose values are broken: every quantity is checked before use
            return null;
        }
        executable(r.executable());
        Sizes sizes = compute(r.compute());
        long[] storage = storage(r.storage(), r.data());
        Demand.Staging staging = staging(r);
        Duration duration = duration(r);
        Duration maxDuration = maxDuration(r, duration);
        Instant[] window = window(r, staging.lead());
        Map<String, Double> caps = caps(r.costs());
        metrics(r.metrics());
        if (!reasons.isEmpty()) {
            return null;
        }
        return new Demand(sizes.cores.min(), sizes.cores.max(), sizes.memory.min(), sizes.memory.max(), storage[0],
                storage[1], sizes.gpuModel, sizes.gpus, duration, maxDuration, window[0], window[1],
                staging, platform.preparation().release(), caps);
    }

    private void executable(Executable e) {
        if (e == null) {
            return;
        }
        Optional<Kind> kind = Dialect.parseUri(e.kind()).map(Dialect.KindRef::kind);
        if (kind.isEmpty()) {
            no(BrokerMessages.UNKNOWN_TYPE, "Unknown executable kind [${kind}]", "kind", e.kind(), "field", "executable.kind");
            return;
        }
        if (kind.get().isTemplate()) {
            no(BrokerMessages.TEMPLATE_KIND, "The executable is a template placeholder [${kind}]: replace it with a"
                    + " concrete kind", "kind", kind.get().baseName(), "field", "executable.kind");
            return;
        }
        String unavailable = platform.execution().unavailable().get(kind.get().baseName());
        if (unavailable != null) {
            no(BrokerMessages.NOT_SUPPORTED, "${platform} cannot run ${kind} executables here: ${reason}",
                    "platform", platform.name(), "kind", kind.get().baseName(), "reason", unavailable,
                    "field", "executable.kind");
        } else if (!platform.executables().contains(kind.get().baseName())) {
            no(BrokerMessages.NOT_SUPPORTED, "${platform} does not run ${kind} executables; it runs ${supported}",
                    "platform", platform.name(), "kind", kind.get().baseName(), "supported",
                    String.join(", ", new java.util.TreeSet<>(platform.executables())), "field", "executable.kind");
        }
        if (e instanceof DockerContainer d) {
            docker(d);
        } else if (e instanceof PythonProgram py && unavailable == null) {
            python(py);
        }
    }

    /** A program's Python version constraint against the Python the platform has (when it says which). */
    private void python(PythonProgram py) {
        String wanted = py.requirements() == null ? null : py.requirements().python();
        String have = platform.execution().runtimes().get("python");
        if (wanted == null || have == null) {
            return;
        }
        VersionConstraint.parse(wanted).filter(c -> !c.admits(have)).ifPresent(c ->
                no(BrokerMessages.NOT_SUPPORTED, "The program needs python ${requested}; ${platform} has Python ${limit}",
                        "requested", c.text(), "platform", platform.name(), "limit", have,
                        "field", "executable.requirements.python"));
    }

    private void docker(DockerContainer d) {
        Platform.Limits limits = platform.limits();
        if (d.image() != null && limits.requireDigest() && !ComponentChecks.isDigest(d.image().digest())) {
            no(BrokerMessages.MISSING_VALUE, "${platform} runs only images pinned by digest: image.digest must be"
                    + " sha256: and 64 hex digits, not ${requested}", "platform", platform.name(), "requested",
                    String.valueOf(d.image().digest()), "field", "executable.image.digest");
        }
        String arch = d.image() == null || d.image().platform() == null ? null : d.image().platform().architecture();
        if (arch != null && !limits.architectures().contains(arch)) {
            no(BrokerMessages.NOT_SUPPORTED, "Architecture ${requested} is not available here; ${platform} has ${limit}",
                    "requested", arch, "limit", String.join(", ", limits.architectures()), "platform", platform.name(),
                    "field", "executable.image.platform.architecture");
        }
        if (Boolean.TRUE.equals(d.privileged()) && !limits.privileged()) {
            no(BrokerMessages.NOT_SUPPORTED, "Privileged containers are not allowed on ${platform}",
                    "platform", platform.name(), "field", "executable.privileged");
        }
        if (d.network() != null && d.network().ports() != null) {
            for (int i = 0; i < d.network().ports().size(); i++) {
                DockerPort port = d.network().ports().get(i);
                if (port.external() != null) {
                    no(BrokerMessages.BAD_VALUE, "The external port is assigned by the broker; remove ${field}",
                            "field", "executable.network.ports[" + i + "].external");
                }
            }
        }
    }

    private record Sizes(MinMax cores, MinMax memory, String gpuModel, long gpus) {
    }

    private Sizes compute(ComputeResource c) {
        if (c == null) {
            return new Sizes(MinMax.of(1L, 1L), MinMax.of(1L, 1L), null, 0);
        }
        if (c instanceof SimpleCompute s) {
            if (s.extras().containsKey("gpus")) {
                no(BrokerMessages.NOT_SUPPORTED, "gpus is not part of a simple compute resource, so it cannot be"
                        + " honoured; ask with the GPU compute kind [${kind}]", "kind",
                        platform.gpuKind() == null ? "none here" : platform.gpuKind(), "field", "compute.gpus");
            }
            return new Sizes(limit(s.cores(), "cores", platform.limits().cores()),
                    limit(s.memory(), "memory", platform.limits().memory()), null, 0);
        }
        UnknownCompute u = (UnknownCompute) c;
        if (platform.gpuKind() == null || !platform.gpuKind().equals(u.kind())) {
            no(BrokerMessages.UNKNOWN_TYPE, "Unknown compute kind [${kind}]", "kind", String.valueOf(u.kind()),
                    "field", "compute.kind");
            return new Sizes(MinMax.of(1L, 1L), MinMax.of(1L, 1L), null, 0);
        }
        MinMax cores = limit(range(u.extras().get("cores")), "cores", platform.limits().cores());
        MinMax memory = limit(range(u.extras().get("memory")), "memory", platform.limits().memory());
        JsonNode gpus = u.extras().get("gpus");
        Long least = gpus == null ? null : QuantityChecks.whole(gpus.get("min"), "", new ArrayList<>());
        long count = gpus == null ? 0 : least == null ? 1 : least;
        JsonNode wanted = gpus == null ? null : gpus.get("model");
        String model = gpus == null ? null : gpuModel(wanted != null && wanted.isString() ? wanted.asString() : null, count);
        return new Sizes(cores, memory, model, count);
    }

    private String gpuModel(String wanted, long count) {
        Map<String, Long> have = platform.capacity().gpus();
        if (count > platform.limits().gpus()) {
            no(BrokerMessages.RESOURCE_LIMIT, "${requested} GPUs exceed the most one session may have here, ${limit}",
                    "requested", count, "limit", platform.limits().gpus(), "field", "compute.gpus.min");
            return null;
        }
        if (wanted == null) {
            return have.entrySet().stream().filter(e -> e.getValue() >= count).map(Map.Entry::getKey).findFirst()
                    .orElseGet(() -> {
                        no(BrokerMessages.NOT_SUPPORTED, "${platform} has no GPUs", "platform", platform.name(),
                                "field", "compute.gpus");
                        return null;
                    });
        }
        String model = wanted.substring(wanted.lastIndexOf('/') + 1);
        if (!have.containsKey(model)) {
            no(BrokerMessages.NOT_SUPPORTED, "No ${requested} GPUs here; ${platform} has ${limit}", "requested", model,
                    "platform", platform.name(), "limit", have.isEmpty() ? "none" : String.join(", ", have.keySet()),
                    "field", "compute.gpus.model");
            return null;
        }
        return model;
    }

    /** An extension kind's range; the validator has already refused one that is not whole numbers in bounds. */
    private static MinMax range(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        List<io.orrery.model.check.Finding> ignored = new ArrayList<>();
        return MinMax.of(QuantityChecks.whole(node.get("min"), "", ignored), QuantityChecks.whole(node.get("max"), "", ignored));
    }

    /** Fills in the defaults (min 1, max = min) and checks the platform's largest session. */
    private MinMax limit(MinMax range, String what, long limit) {
        long min = range == null || range.min() == null ? 1 : range.min();
        long max = range == null || range.max() == null ? min : range.max();
        if (min > limit) {
            no(BrokerMessages.RESOURCE_LIMIT, "Minimum ${resource} ${requested} exceeds the largest session here, ${limit}",
                    "resource", what, "requested", min, "limit", limit, "field", "compute." + what + ".min");
        }
        return MinMax.of(min, Math.max(min, Math.min(max, limit)));
    }

    private long[] storage(List<StorageResource> storage, List<DataResource> data) {
        long min = 0;
        long max = 0;
        for (StorageResource s : storage == null ? List.<StorageResource>of() : storage) {
            if (s instanceof SimpleStorage simple) {
                long smin = simple.size() == null || simple.size().min() == null ? 1 : simple.size().min();
                long smax = simple.size() == null || simple.size().max() == null ? smin : simple.size().max();
                min = plus(min, smin);
                max = plus(max, Math.max(smin, smax));
            } else {
                no(BrokerMessages.UNKNOWN_TYPE, "Unknown storage kind [${kind}]", "kind", String.valueOf(s.kind()),
                        "field", "storage");
            }
        }
        for (DataResource d : data == null ? List.<DataResource>of() : data) {
            if (d.storage() == null) {
                long size = StagingModel.sizeGiB(d, platform);
                min = plus(min, size);
                max = plus(max, size);
            }
        }
        if (min > platform.limits().storage()) {
            no(BrokerMessages.RESOURCE_LIMIT, "Storage of ${requested} GiB exceeds the largest session here, ${limit} GiB",
                    "requested", min, "limit", platform.limits().storage(), "field", "storage");
        }
        return new long[] {min, Math.min(max, platform.limits().storage())};
    }

    /** a + b for sizes (never negative here), saturating instead of wrapping. */
    static long plus(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    private Demand.Staging staging(ExecutionRequest r) {
        Duration image = Duration.ZERO;
        if (r.executable() != null) {
            String kind = Dialect.parseUri(r.executable().kind()).map(k -> k.kind().baseName()).orElse("");
            image = platform.preparation().images().getOrDefault(kind, Duration.ofMinutes(1));
        }
        Duration slowest = Duration.ZERO;
        String slowestName = null;
        String site = null;
        List<DataResource> data = r.data() == null ? List.of() : r.data();
        for (int i = 0; i < data.size(); i++) {
            DataResource d = data.get(i);
            Optional<Kind> kind = Dialect.parseUri(d.kind()).map(Dialect.KindRef::kind);
            String field = "data[" + i + "]";
            if (kind.isEmpty()) {
                no(BrokerMessages.UNKNOWN_TYPE, "Unknown data kind [${kind}]", "kind", String.valueOf(d.kind()), "field", field);
                continue;
            }
            if (kind.get().isTemplate()) {
                no(BrokerMessages.TEMPLATE_KIND, "${name} is a template placeholder: replace it with a concrete data kind",
                        "name", String.valueOf(d.name()), "field", field + ".kind");
                continue;
            }
            if (!platform.data().contains(kind.get().baseName())) {
                no(BrokerMessages.NOT_SUPPORTED, "${platform} cannot use ${kind} data; it can use ${supported}",
                        "platform", platform.name(), "kind", kind.get().baseName(), "supported",
                        String.join(", ", new java.util.TreeSet<>(platform.data())), "field", field + ".kind");
                continue;
            }
            if (platform.execution().real() && !fetchable(d)) {
                no(BrokerMessages.NOT_REACHABLE, "${platform} cannot fetch the data ${name} from ${location}: it"
                        + " fetches simple-data-resource locations over http, https and file only",
                        "platform", platform.name(), "name", String.valueOf(d.name()),
                        "location", String.valueOf(d instanceof SimpleData s ? s.location() : d.kind()),
                        "field", field + ".location");
                continue;
            }
            Optional<StagingModel.Transfer> t = StagingModel.transfer(d, platform);
            if (t.isEmpty()) {
                no(BrokerMessages.NOT_REACHABLE, "${platform} cannot reach the data ${name} (from ${sources})",
                        "platform", platform.name(), "name", String.valueOf(d.name()),
                        "sources", String.join(", ", StagingModel.sources(d)), "field", field);
            } else if (t.get().time().compareTo(slowest) > 0) {
                slowest = t.get().time();
                slowestName = d.name() == null ? field : d.name();
                site = t.get().site();
            }
        }
        return new Demand.Staging(image, slowest, slowestName, site);
    }

    private Duration duration(ExecutionRequest r) {
        String text = r.schedule() == null || r.schedule().requested() == null ? null : r.schedule().requested().duration();
        Duration d = parse(text);
        d = d == null ? DEFAULT_DURATION : d;
        Duration longest = platform.limits().longest();
        if (d.compareTo(longest) > 0) {
            no(BrokerMessages.RESOURCE_LIMIT, "A duration of ${requested} is longer than the longest run here, ${limit}",
                    "requested", d, "limit", longest, "field", "schedule.requested.duration");
        }
        return d;
    }

    private Duration maxDuration(ExecutionRequest r, Duration duration) {
        JsonNode max = r.schedule() == null || r.schedule().requested() == null ? null
                : r.schedule().requested().extras().get("maxDuration");
        Duration cap = max != null && max.isString() ? parse(max.asString()) : null;
        Duration longest = platform.limits().longest();
        Duration twice = duration.multipliedBy(2);
        Duration m = cap != null ? cap : twice;
        m = m.compareTo(longest) > 0 ? longest : m;
        return m.compareTo(duration) < 0 ? duration : m;
    }

    /** A positive duration, or null when absent or unreadable (the validator has already said which). */
    private Duration parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            Duration d = Times.duration(text);
            return d.isNegative() || d.isZero() ? null : d;
        } catch (TimeFormatException e) {
            return null;
        }
    }

    /** [start of the window, latest start]. */
    private Instant[] window(ExecutionRequest r, Duration lead) {
        Instant earliest = now.plus(lead);
        Instant horizon = now.plus(platform.limits().horizon());
        String text = r.schedule() == null || r.schedule().requested() == null ? null : r.schedule().requested().start();
        if (text == null) {
            return new Instant[] {earliest, horizon};
        }
        Interval window;
        try {
            window = Times.interval(text);
        } catch (TimeFormatException e) {
            return new Instant[] {earliest, horizon};
        }
        if (window.getStart().isAfter(horizon)) {
            no(BrokerMessages.BEYOND_HORIZON, "${platform} books at most ${limit} ahead, up to ${until}; your window"
                    + " starts at ${requested}", "platform", platform.name(), "limit", platform.limits().horizon(),
                    "until", horizon, "requested", window.getStart(), "field", "schedule.requested.start");
        }
        Instant end = window.getEnd().isAfter(horizon) ? horizon : window.getEnd();
        return new Instant[] {window.getStart(), end};
    }

    private Map<String, Double> caps(List<FloatItem> costs) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (FloatItem c : costs == null ? List.<FloatItem>of() : costs) {
            if (c.type() != null && c.max() != null) {
                out.put(c.type(), c.max());
            }
        }
        return out;
    }

    private void metrics(List<FloatItem> metrics) {
        for (FloatItem m : metrics == null ? List.<FloatItem>of() : metrics) {
            if (m.min() == null || m.type() == null) {
                continue;
            }
            double have = switch (m.type()) {
                case Pricing.COMPUTE_PERFORMANCE -> platform.metrics().computePerformance();
                case Pricing.IO_THROUGHPUT -> platform.metrics().ioThroughput();
                default -> Double.NaN;
            };
            if (!Double.isNaN(have) && have < m.min()) {
                no(BrokerMessages.METRIC_NOT_MET, "${metric} here is ${limit}, below your minimum ${requested}",
                        "metric", m.type(), "limit", have, "requested", m.min(), "field", "metrics");
            }
        }
    }

    /** Whether a platform that really runs sessions can fetch this data: a simple resource at an http(s) or file URL. */
    static boolean fetchable(DataResource d) {
        if (!(d instanceof SimpleData s) || s.location() == null) {
            return false;
        }
        String l = s.location().toLowerCase(java.util.Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://") || l.startsWith("file:");
    }
}
