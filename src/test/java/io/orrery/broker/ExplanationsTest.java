package io.orrery.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.calendar.Shape;
import io.orrery.broker.clock.VirtualClock;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.model.Message;
import io.orrery.model.OfferSet;
import io.orrery.model.time.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When nothing fits, the answer says why and how to get a YES; data proximity decides the lead time. */
class ExplanationsTest {
    private static final Instant T0 = Instant.parse("2027-03-01T08:00:00Z");

    private static List<String> texts(OfferSet set) {
        assertEquals("NO", set.result());
        return set.meta().messages().stream().map(Message::message).toList();
    }

    @Test
    void busyWindowSuggestsALaterStartAndFewerCores() {
        BrokerCore core = new BrokerCore(PlatformCatalog.find("laptop").orElseThrow(), new VirtualClock(T0));
        long[] six = core.dimensions().vector(6, 4, 0);
        assertTrue(core.bookBackground("someone-else", Instant.parse("2027-03-01T09:00:00Z"),
                Shape.flat(Duration.ofHours(4).toSeconds(), six)));
        OfferSet set = core.request(Requests.docker(4, 4, "PT1H", "2027-03-01T10:00:00Z/PT1H"));
        List<String> why = texts(set);
        assertTrue(why.get(0).startsWith("Nothing fits between 2027-03-01T10:00:00Z and 2027-03-01T11:00:00Z"), why.get(0));
        assertTrue(why.contains("Earliest start after your window: 2027-03-01T13:00:00Z"), why.toString());
        assertTrue(why.contains("Fits in your window with 2 cores"), why.toString());
    }

    private static String skaoRequest(String replicas, String window) {
        return Requests.DOCKER + """
                data:
                  - kind: %sdata/skao-data-resource.yaml
                    meta: {name: cube}
                    skao:
                      namespace: testing
                      objectname: big-cube
                      objecttype: FILE
                      datasize: 2199023255552
                      replicas: [%s]
                compute:
                  kind: %scompute/simple-compute-resource.yaml
                  meta: {name: c}
                  volumes:
                    - {kind: %svolume/simple-volume-mount.yaml, resource: cube, path: /data/cube}
                """.formatted(Requests.K, replicas, Requests.K, Requests.K)
                + (window == null ? "" : "schedule:\n  requested:\n    start: " + window + "\n");
    }

    @Test
    void theNearestReplicaSetsTheLeadTime() {
        BrokerCore core = new BrokerCore(PlatformCatalog.find("green-hpc").orElseThrow(), new VirtualClock(T0));
        OfferSet near = core.request(Requests.yaml(skaoRequest("{rsename: SPSRC_STORM}, {rsename: JPSRC_STORM}", null)));
        // 2 TiB from the co-located storage element at 2000 MB/s, plus 20 s latency
        assertEquals(Duration.ofSeconds(1120), Times.duration(near.offers().get(0).schedule().preparing().duration()));
        OfferSet far = core.request(Requests.yaml(skaoRequest("{rsename: SPSRC_STORM}", null)));
        // over the research network at 400 MB/s, plus a minute
        assertEquals(Duration.ofSeconds(5498 + 60), Times.duration(far.offers().get(0).schedule().preparing().duration()));
        Instant start = Times.startOf(far.offers().get(0).schedule().available().start());
        assertTrue(!start.isBefore(T0.plusSeconds(5558)), "the start waits for the staging: " + start);
    }

    @Test
    void aWindowTooSoonForTheStagingSaysHowLongItTakes() {
        BrokerCore core = new BrokerCore(PlatformCatalog.find("green-hpc").orElseThrow(), new VirtualClock(T0));
        OfferSet set = core.request(Requests.yaml(skaoRequest("{rsename: SPSRC_STORM}", "2027-03-01T08:10:00Z/PT20M")));
        String why = texts(set).get(0);
        assertTrue(why.startsWith("Preparation here needs PT1H32M38S (staging cube from research-network takes"
                + " PT1H32M38S); the earliest start is 2027-03-01T09:32:38Z"), why);
    }

    @Test
    void costCapsAreHonoured() {
        OfferSet green = new BrokerCore(PlatformCatalog.find("green-hpc").orElseThrow(), new VirtualClock(T0))
                .request(Requests.sample("14-cost-and-carbon-caps.yaml"));
        assertEquals("YES", green.result());
        green.offers().forEach(o -> o.costs().stream()
                .filter(c -> c.type().endsWith("carbon")).forEach(c -> assertTrue(c.min() <= 5.0, c.toString())));
        // without the performance minimum (which the budget site misses too), the carbon cap is what says NO
        String capped = Requests.sampleText("14-cost-and-carbon-caps.yaml").split("(?m)^metrics:")[0];
        List<String> budget = texts(new BrokerCore(PlatformCatalog.find("budget").orElseThrow(), new VirtualClock(T0))
                .request(Requests.yaml(capped)));
        assertTrue(budget.get(0).contains("over your cap of 5.0"), budget.toString());
    }

    @Test
    void aVirtualDayIsDeterministic() {
        List<String> first = day();
        assertEquals(first, day());
    }

    /** A day of requests and accepts on a virtual clock, as starts, sizes and phase histories. */
    private static List<String> day() {
        VirtualClock clock = new VirtualClock(T0);
        BrokerCore core = new BrokerCore(PlatformCatalog.find("budget").orElseThrow(), clock);
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < 48; i++) {
            OfferSet set = core.request(Requests.docker(1 + (i * 7) % 64, 1 + (i * 13) % 200, "PT" + (1 + i % 5) + "H", null));
            if (set.offers() != null) {
                String id = set.offers().get(i % set.offers().size()).meta().uuid();
                core.update(id, io.orrery.model.Update.phase("ACCEPTED"));
                out.add(set.offers().get(i % set.offers().size()).schedule().available().start());
                clock.advance(Duration.ofMinutes(30));
                out.add(core.history(id).stream().map(h -> h.phase() + "@" + h.at()).toList().toString());
            }
        }
        return out;
    }
}
