package io.orrery.server;

import io.orrery.broker.store.GroupCommitStore;
import io.orrery.broker.store.SqliteStore;
import io.orrery.broker.BrokerCore;
import io.orrery.broker.PrefixLinks;
import io.orrery.broker.platform.Platform;
import io.orrery.broker.session.ExecutionAdapter;
import io.orrery.broker.session.SimulatedExecution;
import io.orrery.broker.store.SessionStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;

/**
 * A running broker: the core on one platform, behind Jetty 12 (a small, well-kept embedded server with idle
 * timeouts, so a slow or stuck client cannot hold the broker), optionally persistent in SQLite. Binds to the
 * loopback address unless told otherwise. Time passes for the sessions even when nobody asks.
 */
public final class BrokerServer implements AutoCloseable {
    /** How to run: platform, address, storage, authentication and limits (fluent; defaults as for a test). */
    public static final class Options {
        private final Platform platform;
        private String bind = "127.0.0.1";
        private int port;
        private Path data;
        private Path tokenFile;
        private Path usersFile;
        private OidcOptions oidc;
        private Duration offerLifetime;
        private String publicUrl;
        private int bodyLimit = BODY_LIMIT;
        private int maxRequests = MAX_REQUESTS;
        private long bodyBudget = BODY_BUDGET;
        private SessionStore store;
        private long minBodyRate = MIN_BODY_RATE;
        private int maxOffers = MAX_OFFERS;
        private int maxSessions = MAX_SESSIONS;
        private int maxEnded = MAX_ENDED;
        private boolean quiet = true;
        private Clock clock = Clock.systemUTC();
        private PrintStream log = System.err;
        private Duration retention = Duration.ofHours(1);
        private ExecutionAdapter execution = new SimulatedExecution();
        private io.orrery.server.legacy.SrcnetUnits srcnetUnits = io.orrery.server.legacy.SrcnetUnits.DEFAULT;
        private AttemptLimits attempts = AttemptLimits.defaults();
        private String admin;
        private String adoptUnowned;

        private Options(Platform platform) {
            this.platform = platform;
        }

        /** Loopback, a free port, in memory, no authentication, quiet, the system clock. */
        public static Options of(Platform platform) {
            return new Options(platform);
        }

        public Options port(int p) {
            port = p;
            return this;
        }

        public Options data(Path dir) {
            data = dir;
            return this;
        }

        public Options auth(Path tokens, Path users) {
            tokenFile = tokens;
            usersFile = users;
            return this;
        }

        /** JWT access tokens of an OpenID issuer are accepted too (null: none). */
        public Options oidc(OidcOptions o) {
            oidc = o;
            return this;
        }

        public Options offerLifetime(Duration d) {
            offerLifetime = d;
            return this;
        }

        public Options clock(Clock c) {
            clock = c;
            return this;
        }

        public Options log(boolean q, PrintStream out) {
            quiet = q;
            log = out;
            return this;
        }

        public Options bind(String address, String url) {
            bind = address;
            publicUrl = url;
            return this;
        }

        /** What runs accepted sessions (simulated unless told). */
        public Options execution(ExecutionAdapter adapter) {
            execution = adapter;
            return this;
        }

        public Options retention(Duration d) {
            retention = d;
            return this;
        }

        /** At most this many requests worked on at once, holding at most budget bytes of bodies between them. */
        /** Keeps state in this store instead of one made from {@link #data} (for embedding and tests). */
        public Options store(SessionStore s) {
            store = s;
            return this;
        }

        /** The slowest body accepted, in bytes a second (a slower one is cut off with 408). */
        public Options minBodyRate(long bytesPerSecond) {
            minBodyRate = bytesPerSecond;
            return this;
        }

        /** At most so many open offers, accepted sessions and ended ones kept readable (see BrokerCore.bound). */
        public Options held(int offers, int sessions, int ended) {
            maxOffers = offers;
            maxSessions = sessions;
            maxEnded = ended;
            return this;
        }

        /** How the SRCNet compute API's bare numbers are read (memory, data sizes, runtime). */
        public Options srcnetUnits(io.orrery.server.legacy.SrcnetUnits units) {
            srcnetUnits = units;
            return this;
        }

        /** How many failed sign-ins are tolerated per address and per name, and how much hashing runs at once. */
        public Options attempts(AttemptLimits limits) {
            attempts = limits;
            return this;
        }

        /**
         * Ownership of what was made before authentication was on: the admin (or null: nobody) may see objects
         * without an owner; adopt (or null) becomes the owner of all of them in the stored state, at start.
         */
        public Options unowned(String adminName, String adopt) {
            admin = adminName;
            adoptUnowned = adopt;
            return this;
        }

        public Options admission(int requests, long budget) {
            maxRequests = requests;
            bodyBudget = budget;
            return this;
        }
    }

    /** The largest body read: a request is a few KiB; the largest real one we know of (180 values) is 6 KiB. */
    public static final int BODY_LIMIT = 1024 * 1024;
    /** Requests worked on at once (more wait up to 250 ms, then get 503): below the 48 threads, so 503s go out. */
    public static final int MAX_REQUESTS = 32;
    /**
     * Bytes of request bodies held at once. Heap arithmetic for 'orrery serve' (the launcher's -Xmx128m): the
     * largest valid request (0.94 MiB, the load test's storm body) completes in a 12 MiB heap and not in 10 MiB
     * (java -Xmx12m ... bench --expansion), so a request in flight holds at most about 10 times its body (text,
     * parsed tree, model, the offers written from it and their bytes; it allocates 128 times its body in all, but
     * most of that dies young). Bodies in flight: BODY_BUDGET x 10 = 4 MiB x 10 = 40 MiB. The broker's own state at
     * its bounds: MAX_OFFERS open offers at 1.00 KiB each (measured by the same bench; offers are packed against a
     * dictionary) = 20 MiB, as many accepted sessions = 20 MiB, MAX_ENDED ended sessions = 10 MiB and as many refused
     * offer sets at about 0.5 KiB = 5 MiB; the JVM's own about 10 MiB. 105 MiB in all: the launcher gives 128 MiB.
     */
    public static final long BODY_BUDGET = 4L * 1024 * 1024;
    /**
     * Open offers held at once (each holds capacity and 1.00 KiB of heap): far more than people ask for in an offer's
     * lifetime, and few enough that a flood of requests cannot fill the heap; past it a request gets 503 with
     * Retry-After until offers expire.
     */
    public static final int MAX_OFFERS = 20_000;
    /** Accepted sessions not yet ended, likewise (past it, 503 for requests and 409 for accepts). */
    public static final int MAX_SESSIONS = 20_000;
    /** Ended sessions and refused offer sets kept readable in memory (the oldest are forgotten first). */
    public static final int MAX_ENDED = 10_000;
    /** The slowest body accepted, in bytes a second: any body gets 10 s, a 1 MiB body about four minutes. */
    static final long MIN_BODY_RATE = 4096;
    /** Open connections at once; a further one waits in the kernel's queue until one closes. */
    static final int MAX_CONNECTIONS = 512;

    private final Server jetty;
    private final BrokerCore core;
    private final SessionStore store;
    private final ScheduledExecutorService ticker;
    private final String baseUrl;
    private final String schemes;
    private final String ownership;

    private BrokerServer(Server jetty, BrokerCore core, SessionStore store, ScheduledExecutorService ticker,
                         String baseUrl, String schemes, String ownership) {
        this.ownership = ownership;
        this.jetty = jetty;
        this.core = core;
        this.store = store;
        this.ticker = ticker;
        this.baseUrl = baseUrl;
        this.schemes = schemes;
    }

    public static BrokerServer start(Options o) throws IOException {
        // with OIDC alone the admin still counts: Auth holds it (and no tokens or accounts)
        Auth auth = o.tokenFile == null && o.usersFile == null && o.admin == null ? Auth.OPEN
                : Auth.load(o.tokenFile, o.usersFile, o.attempts, o.admin);
        Listener listener = Listener.open(o.bind, o.port, o.publicUrl);
        Server jetty = listener.jetty();
        String base = listener.base();
        Platform platform = o.offerLifetime == null ? o.platform : o.platform.withOffers(
                new Platform.OfferPolicy(o.platform.offers().alternatives(), o.offerLifetime,
                        o.platform.offers().granularity(), o.platform.offers().style()));
        // a database on disk commits in groups off the core's lock (each answer still waits for its commit)
        SessionStore store = o.store != null ? o.store : o.data == null ? SessionStore.NONE
                : new GroupCommitStore(new SqliteStore(o.data));
        int adopted = o.adoptUnowned == null ? 0 : store.adoptUnowned(o.adoptUnowned);
        PrefixLinks links = new PrefixLinks(base);
        BrokerCore core = new BrokerCore(platform, o.clock, o.execution, links, store);
        core.retain(o.retention);
        core.bound(o.maxOffers, o.maxSessions, o.maxEnded);
        RequestLog log = new RequestLog(o.log, o.quiet);
        BrokerHandler handler = new BrokerHandler(core, links, auth, OidcVerifier.of(o.oidc, base), o.bodyLimit,
                o.minBodyRate, new Admission(o.maxRequests, o.bodyBudget), log, o.srcnetUnits);
        jetty.setHandler(handler);
        try {
            jetty.start();
        } catch (Exception e) {
            store.close();
            throw new IOException("cannot start the server: " + e.getMessage(), e);
        }
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "orrery-clock");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(new ClockTask(core, log), 250, 250, TimeUnit.MILLISECONDS);
        return new BrokerServer(jetty, core, store, ticker, base, handler.schemes(),
                ownership(auth, !handler.schemes().isEmpty(), o.adoptUnowned, adopted));
    }

    /** What the startup line says about objects without an owner, when authentication is on. */
    private static String ownership(Auth auth, boolean authenticating, String adopter, int adopted) {
        String adoption = adopter == null ? "" : "; " + adopted + " ownerless offer sets given to " + adopter;
        if (!authenticating) {
            return adoption;
        }
        return adoption + "; objects without an owner are seen by " + (auth.admin() == null ? "nobody"
                : "the admin " + auth.admin() + " only");
    }

    public String baseUrl() {
        return baseUrl;
    }

    public BrokerCore core() {
        return core;
    }

    /** One line saying where the broker listens, where its state lives, and who may use it. */
    public String startupLine() {
        return "orrery serve: broker '" + core.platform().name() + "' on " + baseUrl + "; "
                + (core.persistent() ? "state kept in a database" : "state in memory only (lost when it stops)") + "; "
                + (schemes.isEmpty() ? "no authentication" : "authentication: " + schemes) + ownership;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            new Listener(jetty, baseUrl).stop();
        } finally {
            store.close();
        }
    }
}
