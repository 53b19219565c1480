package io.orrery.broker.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Fixtures;
import io.orrery.broker.platform.Platform;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.Message;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The analyzer against the built-in platforms, one rule at a time: what it works out for a request it can meet, and
 * for one it cannot, the reason's kind and the field it names.
 */
class RequestAnalyzerTest {
    private static final Instant NOW = Instant.parse("2027-01-01T00:00:00Z");
    private static final String K = Fixtures.K;
    private static final String GPU_KIND = "https://example.org/eb/kinds/compute/gpu-compute-resource.yaml";

    private static Platform platform(String name) {
        return PlatformCatalog.find(name).orElseThrow();
    }

    private static RequestAnalyzer.Result analyze(String yaml, Platform p) {
        return RequestAnalyzer.analyze(WireCodec.readAs(yaml, Format.YAML, ExecutionRequest.class), p, NOW);
    }

    private static Demand yes(String yaml, Platform p) {
        RequestAnalyzer.Result r = analyze(yaml, p);
        assertTrue(r.ok(), () -> r.reasons().toString());
        assertTrue(r.reasons().isEmpty());
        return r.demand();
    }

    private static Message no(String yaml, Platform p, String kind, String field) {
        RequestAnalyzer.Result r = analyze(yaml, p);
        assertFalse(r.ok(), "expected NO");
        assertNull(r.demand());
        Message m = r.reasons().stream().filter(x -> x.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError(kind + " not in " + r.reasons()));
        assertEquals(field, m.values().get("field"), m.text());
        assertEquals("ERROR", m.level());
        return m;
    }

    private static String sample(String name) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("sample-tasks", name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String compute(String kind, String body) {
        return "compute:\n  kind: " + kind + "\n  meta: {name: c}\n" + body;
    }

    private static String simple(String body) {
        return compute(K + "compute/simple-compute-resource.yaml", body);
    }

    private static String gpu(String gpus) {
        return Fixtures.DOCKER + compute(GPU_KIND, "  cores: {min: 8}\n  memory: {min: 32}\n" + gpus);
    }

    private static String schedule(String lines) {
        return "schedule:\n  requested:\n" + lines;
    }

    // --- compute and GPUs

    @Test
    void noComputeMeansOneCoreAndOneGiB() {
        Demand d = yes(Fixtures.DOCKER, platform("cloud"));
        assertEquals(1, d.coresMin());
        assertEquals(1, d.coresMax());
        assertEquals(1, d.memoryMin());
        assertEquals(1, d.memoryMax());
        assertNull(d.gpuModel());
        assertEquals(0, d.gpus());
    }

    @Test
    void maximaAreClippedToTheLargestSessionAndMinimaAboveItAreRefused() {
        Demand d = yes(Fixtures.DOCKER + simple("  cores: {min: 2, max: 1000}\n  memory: {min: 1024}\n"),
                platform("cloud"));
        assertEquals(2, d.coresMin());
        assertEquals(256, d.coresMax(), "cloud's largest session has 256 cores");
        assertEquals(1024, d.memoryMin(), "a minimum exactly at the limit is fine");
        assertEquals(1024, d.memoryMax(), "max defaults to min");
        Message m = no(Fixtures.DOCKER + simple("  cores: {min: 257}\n"), platform("cloud"),
                BrokerMessages.RESOURCE_LIMIT, "compute.cores.min");
        assertEquals("Minimum cores 257 exceeds the largest session here, 256", m.text());
    }

    @Test
    void aGpuRequestNamesItsModelAndCount() {
        Demand d = yes(gpu("  gpus: {min: 2, model: https://www.purl.org/ivoa.net/resource-types/nvidia-a100}\n"),
                platform("cloud"));
        assertEquals("nvidia-a100", d.gpuModel());
        assertEquals(2, d.gpus());
        assertEquals(8, d.coresMin());
        assertEquals(32, d.memoryMax());
    }

    @Test
    void aGpuRequestWithoutAModelGetsTheFirstModelThatHasEnough() {
        Demand one = yes(gpu("  gpus: {model: null}\n"), platform("cloud"));
        assertEquals(1, one.gpus(), "no min means one GPU");
        assertEquals("nvidia-t4", one.gpuModel());
        Platform few = withGpus(platform("cloud"), Map.of("small-gpu", 1L));
        Message none = no(gpu("  gpus: {min: 2}\n"), few, BrokerMessages.NOT_SUPPORTED, "compute.gpus");
        assertEquals("cloud has no GPUs", none.text());
        assertEquals("small-gpu", yes(gpu("  gpus: {min: 1}\n"), few).gpuModel(), "a model with exactly enough fits");
    }

    @Test
    void gpuCountsAndModelsBeyondThePlatformAreRefused() {
        Message many = no(gpu("  gpus: {min: 5}\n"), platform("cloud"), BrokerMessages.RESOURCE_LIMIT,
                "compute.gpus.min");
        assertEquals("5 GPUs exceed the most one session may have here, 4", many.text());
        assertTrue(analyze(gpu("  gpus: {min: 4}\n"), platform("cloud")).ok(), "exactly the limit is fine");
        Message model = no(gpu("  gpus: {min: 1, model: https://x.org/types/h100}\n"), platform("cloud"),
                BrokerMessages.NOT_SUPPORTED, "compute.gpus.model");
        assertTrue(model.text().startsWith("No h100 GPUs here; cloud has "), model.text());
        assertTrue(model.text().contains("nvidia-a100"), model.text());
        Message bare = no(gpu("  gpus: {min: 1, model: https://x.org/types/h100}\n"),
                withGpus(platform("cloud"), Map.of()), BrokerMessages.NOT_SUPPORTED, "compute.gpus.model");
        assertEquals("No h100 GPUs here; cloud has none", bare.text());
    }

    @Test
    void gpusOnASimpleComputeResourceAreRefusedNamingTheGpuKind() {
        String yaml = Fixtures.DOCKER + simple("  cores: {min: 1}\n  gpus: 1\n");
        Message cloud = no(yaml, platform("cloud"), BrokerMessages.NOT_SUPPORTED, "compute.gpus");
        assertTrue(cloud.text().endsWith("[" + GPU_KIND + "]"), cloud.text());
        Message laptop = no(yaml, platform("laptop"), BrokerMessages.NOT_SUPPORTED, "compute.gpus");
        assertTrue(laptop.text().endsWith("[none here]"), laptop.text());
    }

    @Test
    void anotherExtensionComputeKindIsUnknown() {
        no(Fixtures.DOCKER + compute("https://example.org/eb/kinds/compute/quantum.yaml", "  qubits: 5\n"),
                platform("cloud"), BrokerMessages.UNKNOWN_TYPE, "compute.kind");
        no(gpu("  gpus: {min: 1}\n"), platform("laptop"), BrokerMessages.UNKNOWN_TYPE, "compute.kind");
    }

    // --- executables

    @Test
    void executablesThePlatformCannotRunAreRefused() {
        Message kind = no(sample("04-singularity-container.yaml"), platform("cloud"),
                BrokerMessages.NOT_SUPPORTED, "executable.kind");
        assertEquals("cloud does not run singularity-container executables; it runs docker-container,"
                + " jupyter-notebook", kind.text());
        no(Fixtures.DOCKER.replace("digest: sha256:6e4956", "digest: sha256:zz"), platform("budget"),
                BrokerMessages.MISSING_VALUE, "executable.image.digest");
        assertTrue(analyze(Fixtures.DOCKER.replace("    digest:", "    x-digest:"), platform("cloud")).ok(),
                "cloud does not require a digest");
        no(Fixtures.DOCKER + "  privileged: true\n", platform("cloud"), BrokerMessages.NOT_SUPPORTED,
                "executable.privileged");
        no(Fixtures.DOCKER + "  network:\n    ports:\n      - {access: true, internal: {port: 80}, external: {port: 8080}}\n",
                platform("cloud"), BrokerMessages.BAD_VALUE, "executable.network.ports[0].external");
        String arm = Fixtures.DOCKER.replace("    digest:", "    platform: {architecture: arm64, os: linux}\n    digest:");
        assertTrue(analyze(arm, platform("cloud")).ok());
        Message m = no(arm, platform("budget"), BrokerMessages.NOT_SUPPORTED, "executable.image.platform.architecture");
        assertEquals("Architecture arm64 is not available here; budget has amd64", m.text());
    }

    // --- storage and data

    private static String storage(String size) {
        return "  - kind: " + K + "storage/simple-storage-resource.yaml\n    meta: {name: s" + size.hashCode() + "}\n"
                + (size.isEmpty() ? "" : "    size: " + size + "\n");
    }

    @Test
    void storageSumsItsMinimaAndMaximaAndDataWithoutStorageAddsItsSize() {
        String yaml = Fixtures.DOCKER + "storage:\n" + storage("{min: 10, max: 20}") + storage("{min: 5}")
                + storage("") + "data:\n  - kind: " + K + "data/simple-data-resource.yaml\n    meta: {name: d}\n"
                + "    location: https://example.org/x.fits\n";
        Demand d = yes(yaml, platform("cloud"));
        assertEquals(10 + 5 + 1 + 1, d.storageMin(), "an unsized store counts 1 GiB; the data its default 1 GiB");
        assertEquals(20 + 5 + 1 + 1, d.storageMax());
    }

    @Test
    void storageBeyondTheLargestSessionIsRefusedAndItsMaximumClipped() {
        Demand d = yes(Fixtures.DOCKER + "storage:\n" + storage("{min: 100, max: 90000}"), platform("cloud"));
        assertEquals(50_000, d.storageMax());
        assertTrue(analyze(Fixtures.DOCKER + "storage:\n" + storage("{min: 50000}"), platform("cloud")).ok());
        Message m = no(Fixtures.DOCKER + "storage:\n" + storage("{min: 50001}"), platform("cloud"),
                BrokerMessages.RESOURCE_LIMIT, "storage");
        assertEquals("Storage of 50001 GiB exceeds the largest session here, 50000 GiB", m.text());
        no(Fixtures.DOCKER + "storage:\n  - kind: https://x.org/tape.yaml\n    meta: {name: t}\n", platform("cloud"),
                BrokerMessages.UNKNOWN_TYPE, "storage");
    }

    @Test
    void sizesSaturateInsteadOfWrapping() {
        assertEquals(5, RequestAnalyzer.plus(2, 3));
        assertEquals(0, RequestAnalyzer.plus(0, 0));
        assertEquals(Long.MAX_VALUE, RequestAnalyzer.plus(Long.MAX_VALUE, 1));
        assertEquals(Long.MAX_VALUE, RequestAnalyzer.plus(Long.MAX_VALUE - 1, 1));
        assertEquals(Long.MAX_VALUE, RequestAnalyzer.plus(1L << 62, 1L << 62));
    }

    private static String data(String kind, String body) {
        return "  - kind: " + K + "data/" + kind + ".yaml\n    meta: {name: " + kind + "}\n" + body;
    }

    @Test
    void stagingTakesTheImagePullOrTheSlowestDataWhicheverIsLonger() {
        Demand plain = yes(Fixtures.DOCKER, platform("cloud"));
        assertEquals(Duration.ofMinutes(1), plain.lead(), "cloud pulls a docker image in a minute");
        assertNull(plain.staging().slowestData());
        String s3 = data("S3-data-resource", "    endpoint: https://s3.echo.stfc.ac.uk\n    bucket: b\n");
        String cube = data("skao-data-resource", "    skao: {namespace: n, objectname: o, objecttype: FILE,"
                + " datasize: 100000000000, replicas: [{rsename: MOON_RSE}]}\n");
        Demand d = yes(Fixtures.DOCKER + "data:\n" + s3 + cube, platform("green-hpc"));
        // 1 GiB over the research network (400 MB/s + 1 min); 100 GB over the internet (100 MB/s + 2 min)
        assertEquals(Duration.ofSeconds(1000 + 120), d.staging().data());
        assertEquals("skao-data-resource", d.staging().slowestData());
        assertEquals("internet", d.staging().site());
        assertEquals(d.staging().data(), d.lead(), "the data takes longer than the image");
        assertEquals(Duration.ofMinutes(5), d.staging().image());
        Demand quick = yes(Fixtures.DOCKER + "data:\n" + s3, platform("green-hpc"));
        assertEquals(Duration.ofSeconds(63), quick.staging().data());
        assertEquals(Duration.ofMinutes(5), quick.lead(), "the image takes longer than the data");
    }

    @Test
    void dataThePlatformCannotUseOrReachIsRefused() {
        String rucio = data("rucio-data-resource", "    rucio: {endpoint: https://rucio.example.org, scope: s, object: o,"
                + " type: DATASET}\n");
        Message kind = no(Fixtures.DOCKER + "data:\n" + rucio, platform("cloud"), BrokerMessages.NOT_SUPPORTED,
                "data[0].kind");
        assertTrue(kind.text().startsWith("cloud cannot use rucio-data-resource data; it can use "), kind.text());
        String near = data("simple-data-resource", "    location: https://store.green-hpc.example/x\n");
        String unreachable = data("skao-data-resource", "    skao: {namespace: n, objectname: o, objecttype: FILE,"
                + " replicas: [{rsename: MOON_RSE}]}\n");
        Message far = no(Fixtures.DOCKER + "data:\n" + near + unreachable, withSites(platform("green-hpc")),
                BrokerMessages.NOT_REACHABLE, "data[1]");
        assertTrue(far.text().endsWith("(from MOON_RSE)"), far.text());
        no(Fixtures.DOCKER + "data:\n  - kind: https://x.org/data/unknown.yaml\n    meta: {name: u}\n", platform("cloud"),
                BrokerMessages.UNKNOWN_TYPE, "data[0]");
    }

    // --- schedule

    @Test
    void theDurationDefaultsToTwoHoursAndMayReachTheLongestRun() {
        Demand d = yes(Fixtures.DOCKER, platform("cloud"));
        assertEquals(Duration.ofHours(2), d.duration());
        assertEquals(Duration.ofHours(4), d.maxDuration(), "twice the duration unless the request caps it");
        assertEquals(Duration.ofDays(7), yes(Fixtures.DOCKER + schedule("    duration: P7D\n"), platform("cloud"))
                .duration());
        Message m = no(Fixtures.DOCKER + schedule("    duration: P8D\n"), platform("cloud"),
                BrokerMessages.RESOURCE_LIMIT, "schedule.requested.duration");
        assertEquals("A duration of PT192H is longer than the longest run here, PT168H", m.text());
    }

    @Test
    void theMaximumDurationIsCappedByTheLongestRunAndNeverBelowTheDuration() {
        Platform cloud = platform("cloud");
        assertEquals(Duration.ofHours(5), yes(Fixtures.DOCKER + schedule("    duration: PT2H\n    maxDuration: PT5H\n"),
                cloud).maxDuration());
        assertEquals(Duration.ofDays(7), yes(Fixtures.DOCKER + schedule("    duration: P4D\n"), cloud).maxDuration(),
                "twice four days is past the longest run, a week");
        assertEquals(Duration.ofDays(7), yes(Fixtures.DOCKER + schedule("    duration: P1D\n    maxDuration: P7D\n"),
                cloud).maxDuration());
        assertEquals(Duration.ofHours(4), yes(Fixtures.DOCKER + schedule("    duration: PT2H\n    maxDuration: 5\n"),
                cloud).maxDuration(), "a maximum that is not text is ignored");
    }

    @Test
    void theWindowRunsFromTheRequestedStartUpToTheHorizon() {
        Platform cloud = platform("cloud");
        Demand open = yes(Fixtures.DOCKER, cloud);
        assertEquals(NOW.plus(Duration.ofMinutes(1)), open.windowStart(), "the earliest start waits for staging");
        assertEquals(NOW.plus(Duration.ofDays(14)), open.windowEnd());
        Demand window = yes(Fixtures.DOCKER + schedule("    start: 2027-01-02T00:00:00Z/PT6H\n"), cloud);
        assertEquals(Instant.parse("2027-01-02T00:00:00Z"), window.windowStart());
        assertEquals(Instant.parse("2027-01-02T06:00:00Z"), window.windowEnd());
        Demand clipped = yes(Fixtures.DOCKER + schedule("    start: 2027-01-10T00:00:00Z/P30D\n"), cloud);
        assertEquals(NOW.plus(Duration.ofDays(14)), clipped.windowEnd());
        Message far = no(Fixtures.DOCKER + schedule("    start: 2027-02-01T00:00:00Z/PT6H\n"), cloud,
                BrokerMessages.BEYOND_HORIZON, "schedule.requested.start");
        assertTrue(far.text().startsWith("cloud books at most PT336H ahead"), far.text());
    }

    // --- costs and metrics

    private static final String COST = "  - kind: " + K + "costs/simple-minmax-float-cost.yaml\n";
    private static final String METRIC = "  - kind: " + K + "metrics/simple-minmax-float-metric.yaml\n";

    @Test
    void costCapsAreTheMaximaOfTypedCosts() {
        Demand d = yes(Fixtures.DOCKER + "costs:\n" + COST + "    type: urn:ivoa:calycopis:cost:monetary\n    max: 0.5\n"
                + COST + "    type: urn:ivoa:calycopis:cost:carbon\n    min: 1.0\n" + COST + "    max: 3.0\n",
                platform("cloud"));
        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put(Pricing.MONETARY, 0.5);
        assertEquals(expected, d.costCaps(), "a cost without a maximum or a type caps nothing");
    }

    @Test
    void aMetricBelowTheRequestedMinimumIsRefused() {
        String perf = Fixtures.DOCKER + "metrics:\n" + METRIC + "    type: " + Pricing.COMPUTE_PERFORMANCE + "\n    min: ";
        assertTrue(analyze(perf + "140\n", platform("cloud")).ok(), "exactly the platform's score is enough");
        Message m = no(perf + "140.5\n", platform("cloud"), BrokerMessages.METRIC_NOT_MET, "metrics");
        assertEquals(Pricing.COMPUTE_PERFORMANCE + " here is 140.0, below your minimum 140.5", m.text());
        String io = Fixtures.DOCKER + "metrics:\n" + METRIC + "    type: " + Pricing.IO_THROUGHPUT + "\n    min: ";
        assertTrue(analyze(io + "300\n", platform("cloud")).ok());
        no(io + "301\n", platform("cloud"), BrokerMessages.METRIC_NOT_MET, "metrics");
        assertTrue(analyze(Fixtures.DOCKER + "metrics:\n" + METRIC + "    type: urn:other\n    min: 1e9\n",
                platform("cloud")).ok(), "a metric the platform does not measure is not held against it");
        assertTrue(analyze(Fixtures.DOCKER + "metrics:\n" + METRIC + "    type: " + Pricing.IO_THROUGHPUT
                + "\n    max: 1\n", platform("cloud")).ok(), "only a minimum is a requirement");
    }

    // --- platforms with changed parts

    private static Platform withGpus(Platform p, Map<String, Long> gpus) {
        Platform.Capacity c = p.capacity();
        return new Platform(p.name(), p.description(), new Platform.Capacity(c.cores(), c.memory(), c.storage(), gpus),
                p.executables(), p.data(), p.gpuKind(), p.limits(), p.preparation(), p.offers(), p.prices(),
                p.metrics(), null);
    }

    /** green-hpc without its catch-all internet site: an unknown RSE is then out of reach. */
    private static Platform withSites(Platform p) {
        Platform.Preparation prep = p.preparation();
        return new Platform(p.name(), p.description(), p.capacity(), p.executables(), p.data(), p.gpuKind(), p.limits(),
                new Platform.Preparation(prep.images(), prep.release(), prep.defaultDataSize(),
                        prep.sites().stream().filter(s -> !s.match().contains("*")).toList()),
                p.offers(), p.prices(), p.metrics(), null);
    }

    private static final String PYTHON = """
            executable:
              kind: https://www.purl.org/ivoa.net/Calycopis-openapi/schema/v1.0/kinds/executable/python-program.yaml
              meta: {name: sqrt}
              location: https://example.org/newton.py
              requirements: {python: "%s"}
            """;

    @Test
    void aPythonProgramIsRefusedWhereItDoesNotRunAndWhereItsPythonIsTooOld() {
        Message cloud = no(PYTHON.formatted("> 3.10"), platform("cloud"), BrokerMessages.NOT_SUPPORTED, "executable.kind");
        assertEquals("cloud does not run python-program executables; it runs docker-container, jupyter-notebook",
                cloud.text());
        yes(PYTHON.formatted("> 3.10"), platform("green-hpc"));
        Message old = no(PYTHON.formatted("> 3.12"), platform("green-hpc"), BrokerMessages.NOT_SUPPORTED,
                "executable.requirements.python");
        assertEquals("The program needs python > 3.12; green-hpc has Python 3.11.9", old.text());
    }
}
