package io.orrery.broker.session;

import io.orrery.model.Lifecycle;
import io.orrery.model.PhaseChange;
import io.orrery.broker.calendar.ReservationCalendar;
import io.orrery.broker.calendar.Shape;
import io.orrery.model.SessionPhase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * The sessions of one broker and the timed events that move them (expiries, and the phases the execution adapter
 * schedules), applied strictly in time order so that a virtual clock gives the same history every time. Phases
 * move only along the edges of {@link Lifecycle}; entering a terminal phase frees the capacity held.
 * Guarded by the broker core's lock.
 */
public final class SessionTable implements PhaseDriver {
    private final Map<String, SessionState> sessions = new HashMap<>();
    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private final ReservationCalendar calendar;
    private final ExecutionAdapter adapter;
    private final List<Notice> notices = new ArrayList<>();
    /** Sessions in the order they ended, for pruning. */
    private final java.util.ArrayDeque<Notice> ended = new java.util.ArrayDeque<>();
    private long sequence;
    /** Sessions that hold capacity (offered, accepted, running...): the ones not ended. */
    private int live;
    /** Of those, the offers not yet taken up (phase OFFERED). */
    private int offered;
    /** The latest time the table has acted at: nothing is scheduled before it. */
    private Instant floor = Instant.MIN;

    private record Event(Instant at, long seq, String session, SessionPhase phase, String reason)
            implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /** A phase change to tell listeners about once the lock is released. */
    public record Notice(String session, SessionPhase from, SessionPhase to, Instant at, String reason) {
    }

    public SessionTable(ReservationCalendar calendar, ExecutionAdapter adapter) {
        this.calendar = calendar;
        this.adapter = adapter;
    }

    /** Adds a new offer, OFFERED and expiring at its expiry; its capacity is booked already. */
    public SessionState add(String uuid, String offerSet, byte[] offer, SessionPlan plan, Shape shape, Instant expires,
                            Instant now) {
        SessionState s = new SessionState(uuid, offerSet, offer, plan, shape, expires,
                List.of(new PhaseChange(SessionPhase.OFFERED, now, null)));
        sessions.put(uuid, s);
        live++;
        offered++;
        schedule(expires, uuid, SessionPhase.EXPIRED, "the offer expired");
        return s;
    }

    /**
     * Brings back a stored session after a restart: books what its phase holds, re-arms its expiry, and sets its
     * execution going again (changes that fell due while the broker was down are applied at the next catch-up).
     * Returns false if its capacity no longer fits (the platform shrank): an accepted session is then failed, and an
     * open offer withdrawn (cancelled; an offer cannot fail).
     */
    public boolean restore(String uuid, String offerSet, byte[] offer, SessionPlan plan, Shape shape, Instant expires,
                           List<PhaseChange> history, PhaseDriver driver, Instant now) {
        SessionState s = new SessionState(uuid, offerSet, offer, plan, shape, expires, history);
        sessions.put(uuid, s);
        if (!Lifecycle.holdsCapacity(s.phase)) {
            ended.add(new Notice(uuid, s.phase, s.phase, history.get(history.size() - 1).at(), null));
            return true;
        }
        long start = plan.start().getEpochSecond();
        if (!calendar.fits(start, shape)) {
            live++;
            boolean open = s.phase == SessionPhase.OFFERED;
            offered += open ? 1 : 0;
            advanceFloor(now);
            move(s, open ? SessionPhase.CANCELLED : SessionPhase.FAILED, now,
                    "the platform no longer has the capacity this " + (open ? "offer" : "session") + " held");
            return false;
        }
        calendar.book(uuid, start, shape);
        live++;
        if (s.phase == SessionPhase.OFFERED) {
            offered++;
            schedule(expires, uuid, SessionPhase.EXPIRED, "the offer expired");
        } else {
            adapter.accepted(new Work(plan, offer, s.phase, true), driver);
        }
        return true;
    }

    public Optional<SessionState> get(String uuid) {
        return Optional.ofNullable(sessions.get(uuid));
    }

    public Collection<SessionState> all() {
        return sessions.values();
    }

    /** Applies every event due at or before now, each at its own time. */
    public void runDue(Instant now) {
        advanceFloor(now);
        while (!events.isEmpty() && !events.peek().at().isAfter(now)) {
            Event e = events.poll();
            SessionState s = sessions.get(e.session());
            if (s != null && s.phase != e.phase() && Lifecycle.allowed(s.phase, e.phase())) {
                move(s, e.phase(), e.at(), e.reason());
            }
        }
    }

    public Optional<Instant> nextEvent() {
        return events.isEmpty() ? Optional.empty() : Optional.of(events.peek().at());
    }

    /**
     * Accepts an offer: its siblings are rejected (freeing what they held) and execution is set going; the adapter
     * reports back through driver (which must take the core's lock when called from another thread).
     */
    public void accept(SessionState s, List<SessionState> siblings, Instant now, PhaseDriver driver) {
        advanceFloor(now);
        move(s, SessionPhase.ACCEPTED, now, null);
        for (SessionState other : siblings) {
            if (other != s && other.phase == SessionPhase.OFFERED) {
                move(other, SessionPhase.REJECTED, now, "a sibling offer was accepted");
            }
        }
        if (s.plan.preparing().isAfter(now)) {
            schedule(now, s.uuid, SessionPhase.WAITING, null);
        }
        adapter.accepted(new Work(s.plan, s.offer, s.phase, false), driver);
    }

    /** Moves a session along an allowed edge; terminal phases free its capacity. */
    public void move(SessionState s, SessionPhase to, Instant at, String reason) {
        if (!Lifecycle.allowed(s.phase, to)) {
            throw new IllegalStateException(s.phase + " -> " + to + " is not an edge of the lifecycle");
        }
        SessionPhase from = s.phase;
        s.phase = to;
        if (from == SessionPhase.OFFERED) {
            offered--;
        }
        s.history.add(new PhaseChange(to, at, reason));
        if (to.isTerminal()) {
            live--;
            ended.add(new Notice(s.uuid, from, to, at, null));
            calendar.release(s.uuid);
            if (from != SessionPhase.OFFERED && (to == SessionPhase.CANCELLED || to == SessionPhase.FAILED)) {
                adapter.stop(s.uuid);
            } else if (from == SessionPhase.OFFERED) {
                adapter.released(s.uuid);
            }
        }
        notices.add(new Notice(s.uuid, from, to, at, reason));
    }

    /** How many sessions hold capacity now (not ended), offers included. */
    public int live() {
        return live;
    }

    /** How many offers are open (OFFERED). */
    public int offered() {
        return offered;
    }

    /**
     * Forgets sessions that ended before cutoff, and the oldest ended ones beyond the most to keep; returns the offer
     * sets they belonged to.
     */
    public java.util.Set<String> prune(Instant cutoff, int most) {
        java.util.Set<String> sets = new java.util.HashSet<>();
        while (!ended.isEmpty() && (ended.peek().at().isBefore(cutoff) || ended.size() > most)) {
            SessionState s = sessions.get(ended.poll().session());
            if (s != null && s.phase.isTerminal()) {
                sessions.remove(s.uuid);
                sets.add(s.offerSet);
            }
        }
        return sets;
    }

    /** The phase changes since the last call. */
    public List<Notice> drainNotices() {
        List<Notice> out = List.copyOf(notices);
        notices.clear();
        return out;
    }

    /**
     * Asks the platform to hold a new offer's slot; when it refuses, the offer is withdrawn (CANCELLED with the
     * reason, freeing what it booked) and the reason returned.
     */
    public Optional<String> hold(SessionState s, Instant now) {
        Optional<String> refused = adapter.hold(new Work(s.plan, s.offer, s.phase, false));
        refused.ifPresent(why -> move(s, SessionPhase.CANCELLED, now, "the platform refused to hold it: " + why));
        return refused;
    }

    /** Whether the platform still holds an offer's slot, as it is accepted: empty if so, else why not. */
    public Optional<String> confirm(SessionState s) {
        return adapter.confirm(new Work(s.plan, s.offer, s.phase, false));
    }

    /** Queues a change; one due in the past (a late accept) happens now, so history runs forward. */
    private void schedule(Instant at, String session, SessionPhase phase, String reason) {
        events.add(new Event(at.isBefore(floor) ? floor : at, sequence++, session, phase, reason));
    }

    private void advanceFloor(Instant now) {
        if (now.isAfter(floor)) {
            floor = now;
        }
    }

    @Override
    public void at(Instant when, String sessionId, SessionPhase phase) {
        schedule(when, sessionId, phase, null);
    }

    @Override
    public void failed(Instant when, String sessionId, String reason) {
        schedule(when, sessionId, SessionPhase.FAILED, reason);
    }
}
