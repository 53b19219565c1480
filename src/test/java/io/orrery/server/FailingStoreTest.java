package io.orrery.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.BrokerCore;
import io.orrery.broker.clock.VirtualClock;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.broker.session.SimulatedExecution;
import io.orrery.broker.store.SessionStore;
import io.orrery.broker.store.StoreException;
import io.orrery.broker.Links;
import io.orrery.model.OfferSet;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A store that fails (a full disk, a locked database) costs the calls that needed it a 503, never the broker: the
 * lock is released, the next call works, the clock task logs and keeps ticking, and the phase changes the store
 * missed are saved once it is back.
 */
class FailingStoreTest {
    private static final String REQUEST = "executable: {kind: 'https://www.purl.org/ivoa.net/Calycopis-openapi/schema/"
            + "v1.0/kinds/executable/docker-container.yaml', image: {locations: [ghcr.io/a/b:1]}}\n";

    /** A store in memory that fails on every call while told to. */
    static final class FlakyStore implements SessionStore {
        volatile boolean failing;
        final List<StoredPhase> phases = new ArrayList<>();
        int sets;

        private void check() {
            if (failing) {
                throw new StoreException("the disk is full", new java.io.IOException("No space left on device"));
            }
        }

        @Override
        public synchronized void saveOfferSet(StoredOfferSet set) {
            check();
            sets++;
        }

        @Override
        public synchronized void savePhases(List<StoredPhase> changes) {
            check();
            phases.addAll(changes);
        }

        @Override
        public List<StoredOfferSet> load() {
            return List.of();
        }

        @Override
        public boolean persistent() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    @Test
    @Timeout(60)
    void aFailingStoreAnswers503AndTheBrokerKeepsServing() {
        FlakyStore store = new FlakyStore();
        try (BrokerServer server = BrokerServer.start(BrokerServer.Options.of(PlatformCatalog.find("cloud").orElseThrow())
                .store(store))) {
            Http http = new Http(server.baseUrl());
            store.failing = true;
            HttpResponse<String> refused = http.post("/requests", "application/yaml", "application/json", REQUEST);
            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("5", refused.headers().firstValue("Retry-After").orElse(""));
            assertTrue(refused.body().contains("cannot reach its database"), refused.body());
            assertFalse(refused.body().contains("No space"), "no internals in the answer: " + refused.body());
            store.failing = false;
            HttpResponse<String> served = http.post("/requests", "application/yaml", "application/json", REQUEST);
            assertEquals(303, served.statusCode(), "the lock was released: " + served.body());
            assertEquals(1, store.sets);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @Timeout(60)
    void theClockTaskLogsAndKeepsTickingAndMissedPhasesAreSavedLater() {
        FlakyStore store = new FlakyStore();
        VirtualClock clock = new VirtualClock(Instant.parse("2027-03-01T08:00:00Z"));
        BrokerCore core = new BrokerCore(PlatformCatalog.find("cloud").orElseThrow(), clock, new SimulatedExecution(),
                Links.NONE, store);
        OfferSet set = core.request(WireCodec.readAs(REQUEST, Format.YAML, io.orrery.model.ExecutionRequest.class));
        assertEquals("YES", set.result());
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        ClockTask task = new ClockTask(core, new RequestLog(new PrintStream(logged, true, StandardCharsets.UTF_8), true));
        store.failing = true;
        clock.advance(Duration.ofHours(1));
        task.run();
        task.run();
        String log = logged.toString(StandardCharsets.UTF_8);
        assertEquals(1, log.lines().filter(l -> l.contains("failed")).count(), "one line for a repeated failure:\n" + log);
        assertTrue(log.contains("the disk is full"), log);
        assertThrows(StoreException.class, core::catchUp, "a call that needs the store while it fails is told so");
        store.failing = false;
        task.run();
        assertEquals("EXPIRED", core.session(set.offers().get(0).meta().uuid()).orElseThrow().phase(),
                "time passed although the store failed");
        assertTrue(logged.toString(StandardCharsets.UTF_8).contains("runs again"), logged.toString(StandardCharsets.UTF_8));
        assertEquals(set.offers().size(), store.phases.stream().filter(p -> p.change().phase().name().equals("EXPIRED"))
                .count(), "the expiries the store missed were saved once it was back");
    }
}
