package io.orrery.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.clock.VirtualClock;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.ExecutionSession;
import io.orrery.model.Message;
import io.orrery.model.OfferSet;
import io.orrery.model.SimpleCompute;
import io.orrery.model.SimpleStorage;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.SyntaxException;
import io.orrery.model.codec.WireCodec;
import io.orrery.model.time.Times;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The twelve example requests of spec.md section 6 get the answers written there for a correct broker. */
class SpecExamplesTest {
    private static final Instant NOW = Instant.parse("2026-08-31T12:00:00Z");
    private static final Map<String, List<String>> EXAMPLES = new LinkedHashMap<>();

    @BeforeAll
    static void readSpec() throws IOException {
        Path spec = Path.of(System.getProperty("orrery.captures", "src/test/resources/captures")).getParent()
                .resolve("spec-examples.md");
        Matcher m = Pattern.compile("```yaml\\n(# ---- (E\\d+)[^\\n]*\\n.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(spec));
        while (m.find()) {
            List<String> docs = new ArrayList<>();
            for (String doc : m.group(1).split("(?m)^---$")) {
                docs.add(doc);
            }
            EXAMPLES.put(m.group(2), docs);
        }
        assertEquals(12, EXAMPLES.size(), "the twelve examples of section 6");
    }

    private static OfferSet ask(String platform, String example, int doc) {
        ExecutionRequest r = WireCodec.readAs(EXAMPLES.get(example).get(doc), Format.YAML, ExecutionRequest.class);
        return new BrokerCore(PlatformCatalog.find(platform).orElseThrow(), new VirtualClock(NOW)).request(r);
    }

    private static OfferSet ask(String platform, String example) {
        return ask(platform, example, 0);
    }

    private static Instant start(ExecutionSession s) {
        return Times.startOf(s.schedule().available().start());
    }

    private static Duration length(ExecutionSession s) {
        return Times.duration(s.schedule().available().duration());
    }

    private static void yes(OfferSet set) {
        assertEquals("YES", set.result(), () -> "messages: " + set.meta().messages());
        assertTrue(!set.offers().isEmpty());
    }

    private static List<String> no(OfferSet set) {
        assertEquals("NO", set.result());
        List<Message> messages = set.meta().messages();
        assertTrue(messages != null && !messages.isEmpty(), "a NO is never silent");
        messages.forEach(msg -> assertTrue(msg.message() != null && !msg.message().contains("${"), msg.toString()));
        return messages.stream().map(msg -> msg.kind() + " " + msg.message()).toList();
    }

    @Test
    void e1MinimalContainerGetsTheDefaultMinimum() {
        for (String p : List.of("green-hpc", "cloud", "budget", "laptop")) {
            OfferSet set = ask(p, "E1");
            yes(set);
            for (ExecutionSession o : set.offers()) {
                SimpleCompute c = (SimpleCompute) o.compute();
                assertTrue(c.cores().min() >= 1 && c.memory().min() >= 1);
                assertTrue(start(o).isAfter(NOW));
                assertTrue(Instant.parse(o.expires()).isAfter(NOW));
            }
        }
    }

    @Test
    void e2OffersStayInsideWindowRangesAndDuration() {
        Instant from = Instant.parse("2026-09-01T09:00:00Z");
        Instant to = Instant.parse("2026-09-01T12:00:00Z");
        // the example's digest has 63 hex digits: sites that pin images by digest refuse it, and say so
        assertTrue(no(ask("green-hpc", "E2")).get(0).contains("pinned by digest"));
        for (String p : List.of("cloud", "laptop")) {
            OfferSet set = ask(p, "E2");
            yes(set);
            for (ExecutionSession o : set.offers()) {
                SimpleCompute c = (SimpleCompute) o.compute();
                assertTrue(!start(o).isBefore(from) && !start(o).isAfter(to), p + " start " + start(o));
                assertTrue(c.cores().min() >= 2 && c.cores().max() <= 8, p + " cores " + c.cores());
                assertTrue(c.memory().min() >= 4 && c.memory().max() <= 16, p + " memory " + c.memory());
                assertTrue(length(o).compareTo(Duration.ofMinutes(90)) >= 0 && length(o).compareTo(Duration.ofHours(3)) <= 0);
            }
        }
    }

    @Test
    void e3NotebooksWhereNotebooksRun() {
        for (String p : List.of("cloud", "laptop")) {
            OfferSet set = ask(p, "E3");
            yes(set);
            for (ExecutionSession o : set.offers()) {
                assertTrue(!start(o).isBefore(Instant.parse("2026-09-01T11:30:00Z"))
                        && !start(o).isAfter(Instant.parse("2026-09-01T12:00:00Z")), p + " " + start(o));
            }
        }
        assertTrue(no(ask("green-hpc", "E3")).get(0).contains("does not run jupyter-notebook"));
    }

    @Test
    void e4SingularityOnlyOnTheHpcSite() {
        yes(ask("green-hpc", "E4"));
        for (String p : List.of("cloud", "budget", "laptop")) {
            assertTrue(no(ask(p, "E4")).get(0).startsWith("urn:not-supported"));
        }
    }

    @Test
    void e5PreparationIncludesTheDownload() {
        OfferSet set = ask("laptop", "E5");
        yes(set);
        // 1 GiB (the default size) over home broadband (10 MB/s, 2 s latency) is longer than the 30 s image pull
        assertEquals(Duration.ofSeconds(110), Times.duration(set.offers().get(0).schedule().preparing().duration()));
    }

    @Test
    void e6BucketWhereItCanBeReached() {
        yes(ask("cloud", "E6"));
        assertTrue(no(ask("budget", "E6")).get(0).contains("does not run jupyter-notebook"));
    }

    @Test
    void e7RucioNextToTheDataLake() {
        yes(ask("green-hpc", "E7"));
        assertTrue(no(ask("cloud", "E7")).stream().anyMatch(m -> m.contains("cannot use rucio-data-resource")));
    }

    @Test
    void e8IvoaAndSkaoData() {
        OfferSet set = ask("green-hpc", "E8");
        yes(set);
        assertTrue(set.offers().stream().allMatch(o -> o.data().size() == 2));
        assertTrue(no(ask("budget", "E8")).size() == 2);
    }

    @Test
    void e9ScratchStorageInsideTheNightWindow() {
        OfferSet set = ask("green-hpc", "E9");
        yes(set);
        for (ExecutionSession o : set.offers()) {
            assertTrue(!start(o).isBefore(Instant.parse("2026-09-01T22:00:00Z"))
                    && !start(o).isAfter(Instant.parse("2026-09-01T23:00:00Z")), start(o).toString());
            assertTrue(length(o).compareTo(Duration.ofHours(2)) >= 0);
            long size = ((SimpleStorage) o.storage().get(0)).size().min();
            assertTrue(size >= 100 && size <= 500, "storage " + size);
        }
    }

    @Test
    void e10ImpossibleSaysWhichLimits() {
        List<String> budget = no(ask("budget", "E10"));
        assertTrue(budget.stream().allMatch(m -> m.startsWith("urn:resource-limit")), budget.toString());
        assertTrue(budget.stream().anyMatch(m -> m.contains("memory")), budget.toString());
        assertTrue(no(ask("laptop", "E10")).size() >= 3);
    }

    @Test
    void e11UnknownGpuKindIsANoAndGpusOnSimpleComputeToo() {
        assertTrue(no(ask("green-hpc", "E11")).get(0).startsWith("uri:unknown-type"));
        String gpusOnSimple = EXAMPLES.get("E11").get(0)
                .replace("https://example.org/eb/types/compute/gpu-compute-resource-1.0",
                        "https://www.purl.org/ivoa.net/EB/schema/v1.0/types/compute/simple-compute-resource-1.0");
        ExecutionRequest r = WireCodec.readAs(gpusOnSimple, Format.YAML, ExecutionRequest.class);
        OfferSet set = new BrokerCore(PlatformCatalog.find("green-hpc").orElseThrow(), new VirtualClock(NOW)).request(r);
        assertTrue(no(set).get(0).contains("gpus is not part of a simple compute resource"));
    }

    @Test
    void e12ErrorsAreNoWithReasons() {
        assertTrue(no(ask("cloud", "E12", 0)).get(0).startsWith("urn:executable-required"));
        List<String> times = no(ask("cloud", "E12", 1));
        assertTrue(times.stream().anyMatch(m -> m.contains("date without a time")), times.toString());
        assertTrue(times.stream().anyMatch(m -> m.contains("write PT1H")), times.toString());
        List<String> refs = no(ask("cloud", "E12", 2));
        assertTrue(refs.stream().anyMatch(m -> m.contains("no-such-store")) && refs.stream()
                .anyMatch(m -> m.contains("no-such-data")), refs.toString());
        List<String> forbidden = no(ask("green-hpc", "E12", 3));
        assertTrue(forbidden.stream().anyMatch(m -> m.contains("Privileged")), forbidden.toString());
        assertTrue(forbidden.stream().anyMatch(m -> m.contains("external port")), forbidden.toString());
        assertTrue(forbidden.stream().anyMatch(m -> m.contains("arm64")), forbidden.toString());
        // 12e, the 2025-04 shape: read and answered, not refused as unreadable
        assertTrue(no(ask("green-hpc", "E12", 4)).stream().anyMatch(m -> m.contains("pinned by digest")));
        yes(ask("cloud", "E12", 4));
        assertThrows(SyntaxException.class, () -> WireCodec.read(EXAMPLES.get("E12").get(5), Format.YAML));
    }
}
