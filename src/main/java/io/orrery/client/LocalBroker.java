package io.orrery.client;

import io.orrery.broker.BrokerCore;
import io.orrery.broker.PrefixLinks;
import io.orrery.broker.RequestRefusedException;
import io.orrery.broker.platform.Platform;
import io.orrery.broker.session.InvalidUpdateException;
import io.orrery.broker.session.NotFoundException;
import io.orrery.broker.session.ExecutionAdapter;
import io.orrery.broker.session.SessionOutputs;
import io.orrery.broker.session.SimulatedExecution;
import io.orrery.broker.session.UpdateRefusedException;
import io.orrery.broker.store.SessionStore;
import io.orrery.model.ExecutionRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import io.orrery.model.PhaseChange;
import io.orrery.model.ExecutionSession;
import io.orrery.model.OfferSet;
import io.orrery.model.SessionPhase;
import io.orrery.model.Update;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The bundled broker core on a platform, in this process: offline what-if answers with no server. Its URLs are
 * {@code builtin:NAME/offersets/UUID} and {@code builtin:NAME/sessions/UUID}: valid while this object lives, or, for
 * one opened {@link #offline} on a store, for as long as the store keeps them (the window and the command line open
 * the same stores, under {@code offline/NAME} in the configuration directory).
 */
public final class LocalBroker implements Broker {
    /**
     * How a program opens its built-in broker of a platform, keeping offers and sessions under a directory: the
     * seam where a platform that runs work for real (the {@code local} one, or a test's) gets its own
     * {@link ExecutionAdapter}. Asked each time a built-in broker is opened (again after its offline clock is reset):
     * an adapter that keeps work running should be the same object for the same platform.
     */
    @FunctionalInterface
    public interface Opener {
        /** Every built-in broker simulates its sessions ({@link #offline(String, Platform, Clock, java.nio.file.Path)}). */
        Opener SIMULATED = LocalBroker::offline;

        LocalBroker open(String name, Platform platform, Clock clock, java.nio.file.Path dir);

        /** The built-in platforms it opens brokers for, in the order the window lists them. */
        default List<String> names() {
            return io.orrery.broker.platform.PlatformCatalog.BUILT_IN;
        }

        /** A built-in platform by name (for {@code local}: this machine, probed). */
        default Platform platform(String name) {
            return io.orrery.broker.platform.PlatformCatalog.load(name);
        }

        /**
         * Whether the platform's broker runs real work on real time (so that the offline clock, which simulated
         * brokers share, neither moves nor applies to it).
         */
        default boolean realTime(String platformName) {
            return false;
        }

        /** This opener, except that the platform named runs its sessions with adapter. */
        default Opener running(String platformName, ExecutionAdapter adapter) {
            return (name, platform, clock, dir) -> platform.name().equals(platformName)
                    ? offline(name, platform, clock, dir, adapter) : open(name, platform, clock, dir);
        }
    }

    /** The most one {@link #readOutput} returns: 1 MiB. */
    public static final int MOST_PER_READ = 1 << 20;

    private final String name;
    private final BrokerCore core;
    private final Clock clock;
    private final SessionStore store;
    private final boolean realTime;

    public LocalBroker(String name, Platform platform, Clock clock) {
        this(name, platform, clock, SessionStore.NONE);
    }

    /** A built-in broker that keeps its offers and sessions in store (and finds them there again after a restart). */
    public LocalBroker(String name, Platform platform, Clock clock, SessionStore store) {
        this(name, platform, clock, store, new SimulatedExecution());
    }

    /** A built-in broker whose accepted sessions the adapter really runs (the {@code local} platform's). */
    public LocalBroker(String name, Platform platform, Clock clock, SessionStore store, ExecutionAdapter adapter) {
        this.realTime = !(adapter instanceof SimulatedExecution);
        this.name = name;
        this.clock = clock;
        this.store = store;
        this.core = new BrokerCore(platform, clock, adapter, new PrefixLinks("builtin:" + platform.name()), store);
    }

    /**
     * A built-in broker whose offers and sessions live in a small database in dir, so that they survive a restart
     * (the window's offline brokers).
     */
    public static LocalBroker offline(String name, Platform platform, Clock clock, java.nio.file.Path dir) {
        return new LocalBroker(name, platform, clock, new io.orrery.broker.store.SqliteStore(dir));
    }

    /** As {@link #offline(String, Platform, Clock, java.nio.file.Path)}, its accepted sessions run by adapter. */
    public static LocalBroker offline(String name, Platform platform, Clock clock, java.nio.file.Path dir,
                                      ExecutionAdapter adapter) {
        return new LocalBroker(name, platform, clock, new io.orrery.broker.store.SqliteStore(dir), adapter);
    }

    /** Reads the platform's other work before each request (a Slurm cluster's queue). */
    public void externalLoad(io.orrery.broker.ExternalLoad load) {
        core.externalLoad(load);
    }

    /** Whether one of its offers or sessions has this uuid. */
    public boolean knows(String uuid) {
        return core.exists(uuid);
    }

    /** Whether it runs real work (on real time), rather than simulating its sessions. */
    public boolean realTime() {
        return realTime;
    }

    /** Whether a URL is a built-in broker's ({@code builtin:NAME/...}). */
    public static boolean isBuiltIn(String url) {
        return url != null && url.startsWith("builtin:");
    }

    /** The platform a built-in broker's URL names: {@code cloud} for {@code builtin:cloud/sessions/UUID}. */
    public static String platformOf(String url) {
        String rest = url.substring("builtin:".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /** How many of its offers and sessions are in each phase, after applying what fell due. */
    public java.util.Map<SessionPhase, Long> census() {
        return core.census();
    }

    /** When this broker's next timed change (an expiry, a phase of a session) falls due, if any. */
    public Optional<Instant> nextChange() {
        return core.nextEvent();
    }

    /**
     * When one of its sessions (by uuid) next changes phase by its plan (preparation, start, end, end of release),
     * after its clock's now; empty when the session is unknown, has ended or has no change left.
     */
    public Optional<Instant> nextChange(String uuid) {
        Instant now = clock.instant();
        return plannedChanges(uuid).stream().filter(now::isBefore).findFirst();
    }

    /** When one of its sessions (by uuid) is planned to end (its release done), if it has not ended yet. */
    public Optional<Instant> plannedEnd(String uuid) {
        List<Instant> all = plannedChanges(uuid);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private List<Instant> plannedChanges(String uuid) {
        Optional<ExecutionSession> s = core.session(uuid);
        if (s.isEmpty() || SessionPhase.parse(s.get().phase()).map(SessionPhase::isTerminal).orElse(true)) {
            return List.of();
        }
        return io.orrery.client.compare.OfferChecks.slot(s.get()).map(slot -> List.of(slot.start().minus(slot.lead()),
                slot.start(), slot.end(), slot.end().plus(slot.release()))).orElse(List.of());
    }

    /** Applies every change due by its clock's now. */
    public void catchUp() {
        core.catchUp();
    }

    /** The phase of one of its sessions (by uuid), if it knows the session. */
    public Optional<SessionPhase> phase(String uuid) {
        return core.session(uuid).flatMap(s -> SessionPhase.parse(s.phase()));
    }

    /** The exact phase history of one of its sessions (by uuid), if it knows the session. */
    public Optional<List<PhaseChange>> history(String uuid) {
        try {
            return Optional.of(core.history(uuid));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Asks the core; as {@link Broker#ask} promises, never fails: whatever the core throws (a full broker, a store
     * or clock that broke, a bug) comes back as a {@link Outcome.Failed} saying so plainly.
     */
    @Override
    public CompletableFuture<Outcome> ask(ExecutionRequest request) {
        long t0 = System.nanoTime();
        try {
            OfferSet set = core.request(request);
            return CompletableFuture.completedFuture(outcome(name, request, set, clock.instant(),
                    Duration.ofNanos(System.nanoTime() - t0)));
        } catch (BrokerError e) {
            return failed(e, t0);
        } catch (io.orrery.broker.BrokerFullException e) {
            return failed(new BrokerError(BrokerError.Kind.BROKER_FAILURE, 503, "the built-in broker is full: "
                    + e.getMessage()), t0);
        } catch (RuntimeException | StackOverflowError e) {
            return failed(new BrokerError(BrokerError.Kind.BROKER_FAILURE, 0, "the built-in broker failed: "
                    + BrokerError.plain(e)), t0);
        }
    }

    private CompletableFuture<Outcome> failed(BrokerError e, long t0) {
        return CompletableFuture.completedFuture(new Outcome.Failed(name, e, Duration.ofNanos(System.nanoTime() - t0)));
    }

    /** A built-in core's answer as an outcome: NO with its reasons, or offers with what they break in the request. */
    public static Outcome outcome(String broker, ExecutionRequest request, OfferSet set, java.time.Instant now,
                                  Duration took) {
        return Outcome.of(broker, request, set, now, took);
    }

    @Override
    public OfferSet offerSet(String url) {
        return core.offerSet(uuid(url)).orElseThrow(() -> notFound(url));
    }

    @Override
    public ExecutionSession session(String url) {
        return core.session(uuid(url)).orElseThrow(() -> notFound(url));
    }

    @Override
    public UpdateResult update(String sessionUrl, SessionPhase target) {
        try {
            ExecutionSession s = core.update(uuid(sessionUrl), Update.phase(target.name()));
            return new UpdateResult(s, s, true, null);
        } catch (NotFoundException e) {
            throw notFound(sessionUrl);
        } catch (UpdateRefusedException | InvalidUpdateException e) {
            throw new BrokerError(BrokerError.Kind.CONFLICT, 409, "the broker refused the update: " + e.getMessage());
        }
    }

    @Override
    public ExecutionSession direct(ExecutionRequest request) {
        try {
            return core.direct(request);
        } catch (RequestRefusedException e) {
            throw new BrokerError(BrokerError.Kind.REFUSED, 400, "the broker cannot run it: " + String.join("; ",
                    e.answer().meta().messages().stream().map(io.orrery.model.Message::text).toList()));
        }
    }

    /**
     * One output of a session, at most {@link #MOST_PER_READ} bytes from the offset; {@code growing} is what the
     * adapter said before the bytes were read, so that a reader told "complete" has seen every byte.
     */
    @Override
    public OutputChunk readOutput(String sessionUrl, String name, long offset) {
        String uuid = uuid(sessionUrl);
        try {
            boolean growing = core.outputs(uuid).stream().filter(f -> f.name().equals(name)).findFirst()
                    .map(SessionOutputs.OutputFile::growing).orElse(false);
            try (InputStream in = core.openOutput(uuid, name, offset)) {
                byte[] bytes = in.readNBytes(MOST_PER_READ);
                return new OutputChunk(bytes, Math.max(0, offset) + bytes.length, growing);
            }
        } catch (NotFoundException e) {
            throw new BrokerError(BrokerError.Kind.NOT_FOUND, 404, "the built-in broker " + name() + " has "
                    + e.getMessage().replaceFirst("^session \\S+ has ", ""));
        } catch (IOException e) {
            throw new BrokerError(BrokerError.Kind.BROKER_FAILURE, 0, "cannot read " + name + " of " + sessionUrl
                    + ": " + BrokerError.plain(e));
        }
    }

    private static String uuid(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private BrokerError notFound(String url) {
        return new BrokerError(BrokerError.Kind.NOT_FOUND, 404, "the built-in broker does not know " + url);
    }

    @Override
    public void close() {
        store.close();
    }
}
