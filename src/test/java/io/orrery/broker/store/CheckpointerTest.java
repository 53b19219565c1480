package io.orrery.broker.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.orrery.Await;
import io.orrery.broker.calendar.Shape;
import io.orrery.broker.session.SessionPlan;
import io.orrery.model.PhaseChange;
import io.orrery.model.SessionPhase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log is copied into the database file while the store is open, by the checkpointer and not by a commit: what
 * was committed reaches broker.db without any more writes, and reads back whole.
 */
class CheckpointerTest {
    private static final Instant T0 = Instant.parse("2027-03-01T08:00:00Z");

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @Timeout(60)
    void committedWritesReachTheDatabaseFileWhileTheStoreIsOpen(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broker.db");
        try (SqliteStore store = new SqliteStore(dir)) {
            long empty = Files.size(file);
            for (int i = 0; i < 500; i++) {
                String s = "s-" + i;
                SessionPlan plan = new SessionPlan(s, T0, T0, T0.plusSeconds(60), T0.plusSeconds(60));
                store.saveOfferSet(new SessionStore.StoredOfferSet("set-" + i, T0, "YES", null, null, null,
                        List.of(new SessionStore.StoredSession(s, new byte[512], plan, Shape.flat(60, new long[] {1, 1, 0}),
                                T0.plusSeconds(60), List.of(new PhaseChange(SessionPhase.OFFERED, T0, null))))));
            }
            Await.until(Duration.ofSeconds(20), () -> size(file) >= empty + 500 * 512,
                    "the log copied into broker.db (" + empty + " bytes empty)");
        }
        try (SqliteStore again = new SqliteStore(dir)) {
            assertEquals(500, again.load().size());
        }
    }
}
