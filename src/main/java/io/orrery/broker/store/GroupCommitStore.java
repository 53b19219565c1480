package io.orrery.broker.store;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A database store whose writes are committed in groups, off the broker's lock. The core hands writes over under
 * its lock (so they keep the order in which the state changed) and, once it has let go of the lock, waits in
 * {@link #sync()} until the group holding its writes is committed: every answer a client is given still follows the
 * commit of what it reports, as with a commit per call, but many calls share one commit and none holds the lock
 * while the database works.
 *
 * <p>There is no writer thread: the first caller of {@code sync} that finds no commit under way commits everything
 * handed over so far, and the others wait for it (a thread already running does the work, so a busy machine does
 * not delay the commit until a writer is scheduled). A group that fails is rolled back and every call with a write
 * in it is told so ({@link StoreException} from {@code sync}); its phase changes are written again first in the
 * next group, so that a database that was down for a while catches up once it is back; its offer sets are not
 * (their callers were told they failed).
 */
public final class GroupCommitStore implements SessionStore {
    private final SqliteStore db;
    private final Object monitor = new Object();
    /** Writes handed over and not yet taken into a group (guarded by the monitor). */
    private final ArrayDeque<Write> queue = new ArrayDeque<>();
    /** Phase changes of a failed group, written first in the next one (used by the committing thread only). */
    private final List<StoredPhase> retry = new ArrayList<>();
    /** Each thread's latest write, which it waits for in {@link #sync()}. */
    private final ThreadLocal<Waiter> waiters = ThreadLocal.withInitial(Waiter::new);
    /** Whether a thread is committing a group (guarded by the monitor). */
    private boolean committing;
    private boolean closed;

    public GroupCommitStore(SqliteStore db) {
        this.db = db;
    }

    @Override
    public void saveOfferSet(StoredOfferSet set) {
        handOver(new Write(set, null, waiters.get()));
    }

    @Override
    public void savePhases(List<StoredPhase> changes) {
        if (!changes.isEmpty()) {
            handOver(new Write(null, List.copyOf(changes), waiters.get()));
        }
    }

    private void handOver(Write w) {
        synchronized (monitor) {
            if (closed) {
                throw new StoreException("the broker database is closed", new IllegalStateException("closed"));
            }
            queue.add(w);
            w.waiter.last = w;
        }
    }

    /** Waits until this thread's writes are committed, committing a group itself when none is under way. */
    @Override
    public void sync() {
        Waiter w = waiters.get();
        Write last;
        synchronized (monitor) {
            last = w.last;
            w.last = null;
        }
        while (last != null && !commitOrWait(last)) {
            // another group went first: this thread's write may be in the next one
        }
        StoreException failed;
        synchronized (monitor) {
            failed = w.failure;
            w.failure = null;
        }
        if (failed != null) {
            throw failed;
        }
    }

    /** Whether the write is committed (or failed) after this thread committed a group or waited for one. */
    private boolean commitOrWait(Write last) {
        List<Write> group;
        synchronized (monitor) {
            if (last.done) {
                return true;
            }
            if (committing) {
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StoreException("interrupted while the broker database committed", e);
                }
                return last.done;
            }
            committing = true;
            group = new ArrayList<>(queue);
            queue.clear();
        }
        commitGroup(group);
        return false;
    }

    /** Commits a group taken from the queue and tells its writers (the caller set {@code committing}). */
    private void commitGroup(List<Write> group) {
        StoreException failure = null;
        try {
            failure = commit(group);
        } finally {
            synchronized (monitor) {
                for (Write w : group) {
                    if (failure != null && w.waiter.failure == null) {
                        w.waiter.failure = failure;
                    }
                    w.done = true;
                }
                committing = false;
                monitor.notifyAll();
            }
        }
    }

    /** Writes a group in one transaction; the failure, or null once committed. */
    private StoreException commit(List<Write> group) {
        List<StoredPhase> again = List.copyOf(retry);
        try {
            if (!again.isEmpty()) {
                db.insertPhases(again);
            }
            for (Write w : group) {
                if (w.set != null) {
                    db.insertOfferSet(w.set);
                } else {
                    db.insertPhases(w.phases);
                }
            }
            db.commit();
            retry.clear();
            return null;
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            group.stream().filter(w -> w.phases != null).forEach(w -> retry.addAll(w.phases));
            return new StoreException("cannot store " + group.size() + " changes: " + e.getMessage(), e);
        }
    }

    @Override
    public List<StoredOfferSet> load() {
        return db.load();
    }

    @Override
    public int adoptUnowned(String owner) {
        return db.adoptUnowned(owner);
    }

    @Override
    public boolean persistent() {
        return true;
    }

    /** Commits what was handed over, then closes the database; later writes are refused. */
    @Override
    public void close() {
        List<Write> rest;
        synchronized (monitor) {
            closed = true;
            while (committing) {
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            committing = true;
            rest = new ArrayList<>(queue);
            queue.clear();
        }
        if (!rest.isEmpty()) {
            commitGroup(rest);
        }
        db.close();
    }

    /** One write handed over: an offer set or phase changes, and whose it is. */
    private static final class Write {
        final StoredOfferSet set;
        final List<StoredPhase> phases;
        final Waiter waiter;
        /** Committed, or its group failed (guarded by the monitor). */
        boolean done;

        Write(StoredOfferSet set, List<StoredPhase> phases, Waiter waiter) {
            this.set = set;
            this.phases = phases;
            this.waiter = waiter;
        }
    }

    /** A thread's latest write and the first failure among its writes since it last synced (guarded by the monitor). */
    private static final class Waiter {
        Write last;
        StoreException failure;
    }
}
