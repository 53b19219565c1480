package io.orrery.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.clock.VirtualClock;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.broker.session.SimulatedExecution;
import io.orrery.broker.store.SessionStore;
import io.orrery.model.OfferSet;
import io.orrery.model.PhaseChange;
import io.orrery.model.Update;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A broker brought back from its store holds exactly what its sessions held, re-arms its offers' expiries, and fails
 * (saying why) a session its platform can no longer hold; and a session renders as the wire shows it in each phase:
 * its links, the updates it allows, its components' phases and its connectors.
 */
class RestoreAndRenderTest {
    private static final Instant T0 = Instant.parse("2027-03-01T08:00:00Z");
    private static final String WITH_PORT = Requests.DOCKER + """
            compute:
              kind: %scompute/simple-compute-resource.yaml
              meta: {name: c}
              cores: {min: 4, max: 4}
              memory: {min: 8, max: 8}
            schedule:
              requested: {duration: PT1H}
            """.formatted(Requests.K);

    /** A store in memory that gives back what it was given, with every phase change since. */
    static final class MemoryStore implements SessionStore {
        final Map<String, StoredOfferSet> sets = new LinkedHashMap<>();
        final Map<String, List<PhaseChange>> extra = new LinkedHashMap<>();

        @Override
        public void saveOfferSet(StoredOfferSet set) {
            sets.put(set.uuid(), set);
        }

        @Override
        public void savePhases(List<StoredPhase> changes) {
            changes.forEach(c -> extra.computeIfAbsent(c.session(), k -> new ArrayList<>()).add(c.change()));
        }

        @Override
        public List<StoredOfferSet> load() {
            List<StoredOfferSet> out = new ArrayList<>();
            for (StoredOfferSet set : sets.values()) {
                List<StoredSession> offers = new ArrayList<>();
                for (StoredSession s : set.offers()) {
                    List<PhaseChange> history = new ArrayList<>(s.history());
                    history.addAll(extra.getOrDefault(s.uuid(), List.of()));
                    offers.add(new StoredSession(s.uuid(), s.offer(), s.plan(), s.shape(), s.expires(), history));
                }
                out.add(new StoredOfferSet(set.uuid(), set.created(), set.result(), set.messagesJson(), set.owner(),
                        set.dialect(), offers));
            }
            return out;
        }

        @Override
        public boolean persistent() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    private static BrokerCore core(String platform, VirtualClock clock, SessionStore store) {
        return new BrokerCore(PlatformCatalog.find(platform).orElseThrow(), clock, new SimulatedExecution(),
                new PrefixLinks("http://b"), store);
    }

    @Test
    void aRestoredBrokerHoldsWhatItsSessionsHeldAndExpiresItsOffersOnTime() {
        VirtualClock clock = new VirtualClock(T0);
        MemoryStore store = new MemoryStore();
        BrokerCore first = core("cloud", clock, store);
        OfferSet accepted = first.request(Requests.docker(4, 8, "PT1H", null));
        String running = accepted.offers().get(0).meta().uuid();
        String sibling = accepted.offers().get(1).meta().uuid();
        first.update(running, Update.phase("ACCEPTED"));
        OfferSet open = first.request(Requests.docker(2, 4, "PT1H", null));
        String offered = open.offers().get(0).meta().uuid();
        clock.advance(Duration.ofMinutes(3));
        first.catchUp();
        String phase = first.session(running).orElseThrow().phase();

        BrokerCore second = core("cloud", clock, store);
        assertEquals(phase, second.session(running).orElseThrow().phase(), "the phase it had");
        assertEquals(first.history(running), second.history(running), "and its whole history");
        assertTrue(second.<Boolean>inspect(cal -> cal.contains(running)), "an accepted session holds its capacity again");
        assertFalse(second.<Boolean>inspect(cal -> cal.contains(sibling)), "a rejected sibling holds nothing");
        assertEquals("REJECTED", second.session(sibling).orElseThrow().phase());
        assertTrue(second.<Boolean>inspect(cal -> cal.contains(offered)), "an open offer holds its capacity again");
        assertEquals("OFFERED", second.session(offered).orElseThrow().phase());
        // the restored broker counts what it holds: the open offers of the second set, and one accepted session
        int open2 = open.offers().size();
        second.bound(open2, 100, 100);
        org.junit.jupiter.api.Assertions.assertThrows(BrokerFullException.class,
                () -> second.request(Requests.docker(1, 1, "PT1H", null)), "as many open offers as it may hold");
        second.bound(100, 1, 100);
        org.junit.jupiter.api.Assertions.assertThrows(BrokerFullException.class,
                () -> second.request(Requests.docker(1, 1, "PT1H", null)), "as many sessions as it may run");
        second.bound(open2 + 1, 2, 100);
        assertEquals("YES", second.request(Requests.docker(1, 1, "PT1H", null)).result(),
                "room for one more set: the rejected and accepted offers no longer count as open");
        second.bound(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
        clock.advance(Duration.ofMinutes(10));
        second.catchUp();
        assertEquals("EXPIRED", second.session(offered).orElseThrow().phase(), "its expiry was armed again");
        assertFalse(second.<Boolean>inspect(cal -> cal.contains(offered)));
        BrokerInvariants.noOverbooking(second);
    }

    @Test
    void aSessionThePlatformCanNoLongerHoldFailsSayingWhy() {
        VirtualClock clock = new VirtualClock(T0);
        MemoryStore store = new MemoryStore();
        BrokerCore cloud = core("cloud", clock, store);
        String big = cloud.request(Requests.docker(32, 64, "PT1H", null)).offers().get(0).meta().uuid();
        cloud.update(big, Update.phase("ACCEPTED"));
        BrokerCore laptop = core("laptop", clock, store);
        assertEquals("FAILED", laptop.session(big).orElseThrow().phase());
        List<PhaseChange> h = laptop.history(big);
        assertTrue(h.get(h.size() - 1).reason().contains("no longer has the capacity"), h.toString());
        assertFalse(laptop.<Boolean>inspect(cal -> cal.contains(big)));
        assertEquals(0, laptop.usage().bookings());
    }

    @Test
    void aSessionRendersItsLinksOptionsComponentPhasesAndConnectors() {
        VirtualClock clock = new VirtualClock(T0);
        BrokerCore core = core("cloud", clock, SessionStore.NONE);
        String yaml = WITH_PORT.replace("    digest:", "  network:\n    ports:\n      - {access: true, protocol: HTTP, path: /status,"
                + " internal: {port: 8080}}\n    digest:");
        OfferSet set = core.request(Requests.yaml(yaml));
        String id = set.offers().get(0).meta().uuid();
        JsonNode offered = core.sessionTree(id).orElseThrow();
        assertEquals("http://b/sessions/" + id, offered.path("meta").path("url").asString());
        assertEquals("[\"ACCEPTED\",\"REJECTED\"]", offered.path("meta").path("options").get(0).path("values").toString());
        String exe = offered.path("executable").path("meta").path("uuid").asString();
        assertEquals("http://b/sessions/" + id + "/executable/" + exe,
                offered.path("executable").path("meta").path("url").asString());
        assertEquals("INITIALIZING", offered.path("compute").path("phase").asString());
        assertTrue(offered.path("connectors").isMissingNode(), "no connector before it is prepared");

        core.update(id, Update.phase("ACCEPTED"));
        clock.advance(Duration.ofMinutes(5));
        JsonNode running = core.sessionTree(id).orElseThrow();
        assertEquals("RUNNING", running.path("phase").asString(), running.toString());
        assertEquals("RUNNING", running.path("executable").path("phase").asString());
        assertEquals("AVAILABLE", running.path("compute").path("phase").asString(), "a resource is available while the"
                + " executable runs");
        assertEquals("[\"CANCELLED\"]", running.path("meta").path("options").get(0).path("values").toString());
        JsonNode connector = running.path("connectors").get(0);
        assertEquals("AVAILABLE", connector.path("status").asString());
        assertEquals("http://cloud.orrery.invalid/sessions/" + id + "/8080/status", connector.path("location").asString());

        clock.advance(Duration.ofHours(3));
        JsonNode done = core.sessionTree(id).orElseThrow();
        assertEquals("COMPLETED", done.path("phase").asString());
        assertTrue(done.path("meta").path("options").isMissingNode(), "no update is left once it completed");
        assertEquals("FINISHED", done.path("connectors").get(0).path("status").asString());
    }
}
