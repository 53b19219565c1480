package io.orrery.broker.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Fixtures;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.ExecutionSession;
import io.orrery.model.OfferSet;
import io.orrery.model.codec.Dialect;
import io.orrery.model.codec.WireCodec;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Traces, synthetic load, replay and the what-if questions, on the real broker core. */
class WhatIfTest {
    private static final Instant AT = Instant.parse("2026-11-25T12:00:00Z");

    private static Scenario scenario(String load) {
        return new Scenario(List.of(new Scenario.Site(PlatformCatalog.load("budget"), Load.parse(load)),
                new Scenario.Site(PlatformCatalog.load("cloud"), Load.parse(load))), AT, Duration.ofDays(3));
    }

    /** An offer without what differs by nature between two runs (its identifiers). */
    private static String content(ExecutionSession s) {
        ObjectNode t = (ObjectNode) WireCodec.toTree(s, Dialect.NEWEST).deepCopy();
        withoutIds(t);
        return t.toString();
    }

    private static void withoutIds(tools.jackson.databind.JsonNode n) {
        if (n instanceof ObjectNode o) {
            o.remove(List.of("uuid", "url", "created", "modified"));
        }
        for (tools.jackson.databind.JsonNode child : n) {
            withoutIds(child);
        }
    }

    @Test
    void theSameScenarioAndSeedGiveTheSameOffers() throws Exception {
        ExecutionRequest request = Fixtures.sample("11-32-cores-4-hours.yaml");
        String load = "synthetic:rate=20,cores=1..64,hours=0.5..8,seed=7";
        List<Scenario.Sandbox> a = scenario(load).build();
        List<Scenario.Sandbox> b = scenario(load).build();
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).stats(), b.get(i).stats());
            OfferSet x = WhatIf.ask(a.get(i), request);
            OfferSet y = WhatIf.ask(b.get(i), request);
            assertEquals(x.offers().stream().map(WhatIfTest::content).toList(),
                    y.offers().stream().map(WhatIfTest::content).toList());
            assertEquals(x.offers().stream().map(WhatIfTest::content).toList(),
                    WhatIf.ask(a.get(i), request).offers().stream().map(WhatIfTest::content).toList(),
                    "asking again sees the same calendar: the first answer's offers were released");
        }
        List<Scenario.Sandbox> other = scenario(load.replace("seed=7", "seed=8")).build();
        assertNotEquals(a.get(0).stats(), other.get(0).stats(), "another seed, another load");
    }

    @Test
    void loadDelaysTheOffersOfABusyPlatform() throws Exception {
        ExecutionRequest request = Fixtures.sample("11-32-cores-4-hours.yaml");
        Scenario.Sandbox idle = scenario("none").build().get(0);
        Scenario.Sandbox busy = scenario("synthetic:rate=2,cores=16..64,hours=2..8,seed=3").build().get(0);
        Instant idleStart = WhatIf.point("x", "budget", WhatIf.ask(idle, request)).earliestStart();
        SweepPoint p = WhatIf.point("x", "budget", WhatIf.ask(busy, request));
        assertTrue(p.yes());
        assertTrue(p.earliestStart().isAfter(idleStart), idleStart + " then " + p.earliestStart());
        assertFalse(busy.core().usage().overbooked(), "the replay never overbooks");
        long used = busy.core().inspect(c -> c.usageAt(AT.getEpochSecond()))[0];
        assertTrue(used > 128, "the busy platform is busy at the moment: " + used);
    }

    @Test
    void replayIsFirstComeFirstServedFromSubmission() {
        var core = new io.orrery.broker.BrokerCore(PlatformCatalog.load("laptop"), new io.orrery.broker.clock.VirtualClock(AT));
        List<TraceJob> jobs = List.of(new TraceJob(1, 0, 3600, 8, 0), new TraceJob(2, 60, 600, 8, 0),
                new TraceJob(3, 120, 60, 16, 0));
        Replay.Stats s = Replay.run(core, jobs, AT);
        assertEquals(2, s.booked());
        assertEquals(1, s.tooBig(), "16 cores on an 8-core laptop");
        assertEquals(Duration.ofSeconds(3600 - 60), s.maxWait(), "the second job waits for the first to end");
    }

    @Test
    void swfIsReadWithItsHeaderAndWrittenBack() throws Exception {
        String swf = "; Computer: test\n; a note\n1 0 5 100 4 -1 1048576 4 200 -1 1 1 1 1 1 1 -1 -1\n"
                + "2 30 -1 -1 4 -1 -1 4 200 -1 0 1 1 1 1 1 -1 -1\n3 10 2 50.0 -1 -1 -1 2 100 -1 1 1 1 1 1 1 -1 -1\n";
        SwfTrace.Trace t = SwfTrace.read(new StringReader(swf), "t.swf");
        assertEquals(List.of("Computer: test", "a note"), t.header());
        assertEquals(List.of(new TraceJob(1, 0, 100, 4, 4), new TraceJob(3, 10, 50, 2, 0)), t.jobs(),
                "in submit order; a job that never ran is skipped; requested processors stand in for allocated");
        assertEquals(1, t.skipped());
        StringWriter w = new StringWriter();
        SwfTrace.write(t.jobs(), t.header(), w);
        assertEquals(t.jobs(), SwfTrace.read(new StringReader(w.toString()), "again").jobs());
    }

    @Test
    void badTracesAndSpecsSayWhereAndWhat() {
        var e = assertThrows(TraceFormatException.class, () -> SwfTrace.read(new StringReader(
                "; h\n1 0 5 x 4 -1 -1 4 200 -1 1 1 1 1 1 1 -1 -1\n"), "bad.swf"));
        assertEquals("bad.swf:2: field 4 (run time) is 'x', not a number", e.getMessage());
        assertTrue(assertThrows(TraceFormatException.class, () -> SwfTrace.read(new StringReader("1 2 3\n"), "short.swf"))
                .getMessage().startsWith("short.swf:1: a job line has 18 fields, this one 3"));
        assertTrue(assertThrows(TraceFormatException.class, () -> Load.parse("synthetic:rate=0")).getMessage()
                .contains("rate must be above 0"));
        assertTrue(assertThrows(TraceFormatException.class, () -> Load.parse("synthetic:speed=3")).getMessage()
                .contains("unknown setting 'speed'"));
        assertTrue(assertThrows(TraceFormatException.class, () -> Load.parse("trace:nope")).getMessage()
                .contains("small-cluster"));
        assertTrue(assertThrows(TraceFormatException.class, () -> Sweep.parse("gpus=1..4")).getMessage()
                .contains("cores, memory, duration, start or platform"));
        assertTrue(assertThrows(TraceFormatException.class, () -> Sweep.parse("cores=4,x")).getMessage()
                .contains("'x' is not a value of cores"));
    }

    @Test
    void sweepsExpandTheirRanges() {
        assertEquals(List.of("1", "2", "4", "8", "16", "32", "64"), Sweep.parse("cores=1..64").values());
        assertEquals(List.of("4", "5", "6"), Sweep.parse("memory=4..6").values());
        assertEquals(List.of("0", "12", "24"), Sweep.parse("start=0..24:12").values());
        assertEquals(List.of("PT1H", "PT1H30M", "PT2H"), Sweep.parse("duration=PT1H..PT2H:PT30M").values());
        assertEquals(List.of("cloud", "budget"), Sweep.parse("platform=cloud,budget").values());
    }

    @Test
    void aSweepAnswersEveryValueOnEveryPlatform() throws Exception {
        ExecutionRequest request = Fixtures.sample("11-32-cores-4-hours.yaml");
        List<Scenario.Sandbox> boxes = scenario("trace:small-cluster").build();
        List<SweepPoint> points = WhatIf.sweep(boxes, request, Sweep.parse("cores=16..128"), AT);
        assertEquals(8, points.size(), "4 values on 2 platforms");
        SweepPoint tooBig = points.stream().filter(p -> p.value().equals("128") && p.platform().equals("budget"))
                .findFirst().orElseThrow();
        assertFalse(tooBig.yes());
        assertTrue(tooBig.no().get(0).contains("128"), tooBig.no().toString());
        assertTrue(points.stream().filter(p -> p.platform().equals("cloud")).allMatch(SweepPoint::yes));
        List<SweepPoint> later = WhatIf.sweep(boxes, request, Sweep.parse("start=0..48:24"), AT);
        assertEquals(List.of(0L, 24L, 48L), later.stream().filter(p -> p.platform().equals("cloud"))
                .map(p -> Duration.between(AT, p.earliestStart()).toHours()).toList(), "the start window moves");
    }
}
