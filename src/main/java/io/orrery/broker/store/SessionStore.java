package io.orrery.broker.store;

import io.orrery.broker.calendar.Shape;
import io.orrery.model.PhaseChange;
import io.orrery.broker.session.SessionPlan;
import java.time.Instant;
import java.util.List;

/**
 * Where a broker keeps its offer sets and sessions so that they survive a restart. The core hands writes over under
 * its lock (in the order the state changed) and calls {@link #sync()} once it has let go of the lock and before it
 * answers, so whatever a client was told has been stored.
 */
public interface SessionStore extends AutoCloseable {
    /** Keeps nothing: state lives in memory only. */
    SessionStore NONE = new SessionStore() {
        @Override
        public void saveOfferSet(StoredOfferSet set) {
        }

        @Override
        public void savePhases(List<StoredPhase> changes) {
        }

        @Override
        public List<StoredOfferSet> load() {
            return List.of();
        }

        @Override
        public boolean persistent() {
            return false;
        }

        @Override
        public void close() {
        }
    };

    /** An offer set with its offers, as first made. */
    record StoredOfferSet(String uuid, Instant created, String result, String messagesJson, String owner,
                          String dialect, List<StoredSession> offers) {
    }

    /** An offer or session: its offer document, plan, booking shape, expiry and phase history. */
    record StoredSession(String uuid, byte[] offer, SessionPlan plan, Shape shape, Instant expires,
                         List<PhaseChange> history) {
    }

    /** A phase a session entered. */
    record StoredPhase(String session, PhaseChange change) {
    }

    void saveOfferSet(StoredOfferSet set);

    void savePhases(List<StoredPhase> changes);

    /**
     * Returns once the writes this thread handed over are stored, or throws {@link StoreException} if any of them
     * failed. A store that writes at once (these defaults) has nothing to wait for.
     */
    default void sync() {
    }

    /** Everything stored, offer sets in the order they were made, each session with its whole history. */
    List<StoredOfferSet> load();

    /**
     * Gives every offer set without an owner (made while authentication was off) to owner, with its sessions; how
     * many it gave. Call it before a core loads the store. A store that keeps nothing has nothing to give.
     */
    default int adoptUnowned(String owner) {
        return 0;
    }

    /** Whether state survives a restart. */
    boolean persistent();

    @Override
    void close();
}
