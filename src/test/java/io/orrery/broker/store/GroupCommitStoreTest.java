package io.orrery.broker.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.calendar.Shape;
import io.orrery.broker.session.SessionPlan;
import io.orrery.model.PhaseChange;
import io.orrery.model.SessionPhase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes committed in groups: a thread's {@code sync} returns once its writes are in the database (seen by a fresh
 * connection), in the order they were handed over; a group that fails is reported to each caller with a write in it,
 * its phase changes are written again with the next group, and closing commits what was handed over.
 */
class GroupCommitStoreTest {
    private static final Instant T0 = Instant.parse("2027-03-01T08:00:00Z");

    private static SessionStore.StoredOfferSet set(String uuid, String session) {
        SessionPlan plan = new SessionPlan(session, T0, T0, T0.plusSeconds(3600), T0.plusSeconds(3600));
        return new SessionStore.StoredOfferSet(uuid, T0, "YES", null, null, null, List.of(new SessionStore.StoredSession(
                session, new byte[] {1, 2, 3}, plan, Shape.flat(3600, new long[] {1, 1, 0}), T0.plusSeconds(60),
                List.of(new PhaseChange(SessionPhase.OFFERED, T0, null)))));
    }

    private static SessionStore.StoredPhase phase(String session, SessionPhase p) {
        return new SessionStore.StoredPhase(session, new PhaseChange(p, T0.plusSeconds(1), null));
    }

    @Test
    @Timeout(60)
    void everySyncedWriteOfManyThreadsIsStoredInOrder(@TempDir Path dir) throws Exception {
        int threads = 8;
        int each = 200;
        try (GroupCommitStore store = new GroupCommitStore(new SqliteStore(dir))) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        String s = "s-" + thread + "-" + i;
                        store.saveOfferSet(set("set-" + thread + "-" + i, s));
                        store.savePhases(List.of(phase(s, SessionPhase.ACCEPTED)));
                        store.sync();
                        // what sync acknowledged is in the database, for any other connection to read
                        String made = "set-" + thread + "-" + i;
                        if (i % 50 == 0) {
                            try (SqliteStore reader = new SqliteStore(dir)) {
                                assertTrue(reader.load().stream().anyMatch(o -> o.uuid().equals(made)), made);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
        }
        try (SqliteStore reader = new SqliteStore(dir)) {
            List<SessionStore.StoredOfferSet> sets = reader.load();
            assertEquals(threads * each, sets.size());
            for (SessionStore.StoredOfferSet s : sets) {
                List<PhaseChange> history = s.offers().get(0).history();
                assertEquals(List.of(SessionPhase.OFFERED, SessionPhase.ACCEPTED),
                        history.stream().map(PhaseChange::phase).toList(), s.uuid());
            }
            for (int t = 0; t < threads; t++) {
                String prefix = "set-" + t + "-";
                List<String> mine = sets.stream().map(SessionStore.StoredOfferSet::uuid).filter(u -> u.startsWith(prefix)).toList();
                for (int i = 0; i < each; i++) {
                    assertEquals(prefix + i, mine.get(i), "each thread's offer sets load in the order they were made");
                }
            }
        }
    }

    @Test
    @Timeout(60)
    void aFailedGroupIsReportedAndItsPhasesAreWrittenWithTheNext(@TempDir Path dir) {
        try (GroupCommitStore store = new GroupCommitStore(new SqliteStore(dir))) {
            store.saveOfferSet(set("a", "s1"));
            store.sync();
            store.savePhases(List.of(phase("s1", SessionPhase.ACCEPTED)));
            store.saveOfferSet(set("a", "s2")); // the same offer set again: the database refuses it
            StoreException refused = assertThrows(StoreException.class, store::sync);
            assertTrue(refused.getMessage().startsWith("cannot store"), refused.getMessage());
            store.sync(); // told once
            store.savePhases(List.of(phase("s1", SessionPhase.RUNNING)));
            store.sync();
        }
        try (SqliteStore reader = new SqliteStore(dir)) {
            List<SessionStore.StoredOfferSet> sets = reader.load();
            assertEquals(1, sets.size());
            assertEquals(List.of(SessionPhase.OFFERED, SessionPhase.ACCEPTED, SessionPhase.RUNNING),
                    sets.get(0).offers().get(0).history().stream().map(PhaseChange::phase).toList(),
                    "the phase change of the failed group was written again with the next");
        }
    }

    @Test
    @Timeout(60)
    void closingCommitsWhatWasHandedOver(@TempDir Path dir) {
        GroupCommitStore store = new GroupCommitStore(new SqliteStore(dir));
        for (int i = 0; i < 100; i++) {
            store.saveOfferSet(set("set-" + i, "s-" + i));
        }
        store.close();
        assertThrows(StoreException.class, () -> store.saveOfferSet(set("late", "s-late")));
        try (SqliteStore reader = new SqliteStore(dir)) {
            assertEquals(100, reader.load().size());
        }
    }
}
