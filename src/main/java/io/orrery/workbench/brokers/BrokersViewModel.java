package io.orrery.workbench.brokers;

import io.orrery.client.Broker;
import io.orrery.client.BrokerConfig;
import io.orrery.client.BrokerError;
import io.orrery.client.BrokerRegistry;
import io.orrery.client.Brokers;
import io.orrery.client.Credentials;
import io.orrery.client.HttpBroker;
import io.orrery.client.LocalBroker;
import io.orrery.client.Outcome;
import io.orrery.client.Protocol;
import io.orrery.client.oidc.LoopbackFlow;
import io.orrery.client.oidc.OidcSession;
import io.orrery.client.oidc.OidcSettings;
import io.orrery.client.oidc.TokenSet;
import java.io.IOException;
import java.nio.file.Path;
import io.orrery.client.ShiftedClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The brokers pane's state: the built-in offline brokers (one per built-in platform, each keeping its sessions in
 * a small database under the configuration directory, so monitored sessions survive a restart) and the remote
 * brokers of {@code brokers.yaml} (the same list {@code orrery brokers} keeps). Opening a broker and changing the
 * list touch the disk: call {@link #broker}, {@link #add} and {@link #remove} off the JavaFX thread, the rest on it.
 * The registry is shared by the broker threads, so every use of it holds its lock; open brokers are forgotten and
 * closed only once it is released.
 */
public final class BrokersViewModel implements AutoCloseable {
    /** An answer slower than this marks the broker slow. */
    public static final Duration SLOW = Duration.ofSeconds(5);

    private final Path configDir;
    private final ShiftedClock offlineClock;
    private final BrokerRegistry registry;
    private final ObservableList<BrokerEntry> entries = FXCollections.observableArrayList();
    private final Map<String, Broker> open = new ConcurrentHashMap<>();
    private final LocalBroker.Opener builtIns;

    public BrokersViewModel(Path configDir, ShiftedClock offlineClock) throws IOException {
        this(configDir, offlineClock, LocalBroker.Opener.SIMULATED);
    }

    /** As the others, whose built-in brokers {@code builtIns} opens (the seam for platforms that run work for real). */
    public BrokersViewModel(Path configDir, ShiftedClock offlineClock, LocalBroker.Opener builtIns) throws IOException {
        this.configDir = configDir;
        this.offlineClock = offlineClock;
        this.builtIns = builtIns;
        this.registry = BrokerRegistry.load(configDir);
        for (String p : builtIns.names()) {
            BrokerEntry e = new BrokerEntry("builtin:" + p, "builtin:" + p);
            e.dialectProperty().set(builtIns.realTime(p) ? "built-in, runs work for real" : "built-in, offline");
            entries.add(e);
        }
        for (BrokerConfig c : registry.all()) {
            entries.add(entry(c));
        }
    }

    /** The sign-in of a broker whose users sign in at an OpenID provider. */
    public Optional<OidcSession> session(BrokerEntry e) {
        synchronized (registry) {
            return registry.named(e.name()).map(c -> c.credentials().source()).filter(OidcSession.class::isInstance)
                    .map(OidcSession.class::cast);
        }
    }

    /** Where a broker's sign-in stands, read from the kept tokens (which may be the secret service: off the JavaFX thread). */
    public SignInState signInState(BrokerEntry e) {
        return session(e).map(s -> SignInState.of(s.status(), Instant.now())).orElse(SignInState.NOT_NEEDED);
    }

    /** Starts a sign-in in the browser: reads the issuer's discovery and opens the loopback port (off the JavaFX thread). */
    public LoopbackFlow startSignIn(BrokerEntry e) {
        return LoopbackFlow.start(session(e).orElseThrow(() -> new IllegalArgumentException(e.name()
                + " names no OpenID issuer")).client());
    }

    /** Keeps a finished sign-in's tokens (and exchanges them where the broker needs it): off the JavaFX thread. */
    public SignInState signedIn(BrokerEntry e, TokenSet tokens) {
        OidcSession s = session(e).orElseThrow();
        return SignInState.of(Optional.of(s.signedIn(tokens)), Instant.now());
    }

    /** Forgets a broker's tokens (off the JavaFX thread). */
    public SignInState signOut(BrokerEntry e) {
        session(e).ifPresent(OidcSession::signOut);
        return signInState(e);
    }

    public ObservableList<BrokerEntry> entries() {
        return entries;
    }

    public List<BrokerEntry> checked() {
        return entries.stream().filter(e -> e.checkedProperty().get()).toList();
    }

    public Optional<BrokerEntry> entry(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The clock the built-in brokers run on (ahead of the real time once a user skips ahead). */
    public ShiftedClock offlineClock() {
        return offlineClock;
    }

    /**
     * Brings the built-in brokers back to real time: the offline clock loses its shift, and the built-in brokers
     * opened so far are closed, to be opened again on their next use, so that they schedule from the real now
     * (a broker core never schedules before the latest time it has acted at). Their offers and sessions stay in
     * their stores. Closes databases: call it off the JavaFX thread. Returns how far ahead the clock ran.
     */
    public Duration resetOfflineClock() {
        Duration was = offlineClock.reset();
        for (BrokerEntry e : entries) {
            if (e.builtIn() && !builtIns.realTime(e.url().substring("builtin:".length()))) {
                closeOne(e.name());
            }
        }
        return was;
    }

    /** Whether a broker runs on the offline clock, which skips move (the simulated built-in brokers). */
    public boolean simulatedClock(String name) {
        return clockFor(name) == offlineClock;
    }

    /** The clock a broker's times are on: the offline clock for built-in brokers, real time for the others. */
    public Clock clockFor(String name) {
        return name.startsWith("builtin:") && !builtIns.realTime(name.substring("builtin:".length())) ? offlineClock
                : Clock.systemUTC();
    }

    /** The broker behind an entry, opened once and kept (built-in brokers hold their sessions). */
    public Broker broker(BrokerEntry e) {
        return open.computeIfAbsent(e.name(), n -> {
            if (e.builtIn()) {
                String platform = e.url().substring("builtin:".length());
                return builtIns.open(e.name(), builtIns.platform(platform),
                        builtIns.realTime(platform) ? Clock.systemUTC() : offlineClock,
                        configDir.resolve("offline").resolve(platform));
            }
            synchronized (registry) {
                return Brokers.open(e.name(), registry, Clock.systemUTC());
            }
        });
    }

    /**
     * The broker a session or offer belongs to: its entry's broker, else (the entry was removed) one for the URL's
     * site, with the registry's credentials for it. Off the JavaFX thread.
     */
    public Broker brokerFor(String name, String url) {
        Optional<BrokerEntry> e = entry(name);
        if (e.isPresent()) {
            return broker(e.get());
        }
        return open.computeIfAbsent(name, n -> {
            synchronized (registry) {
                return Brokers.forResource(url, registry, Clock.systemUTC());
            }
        });
    }

    /** The built-in broker of that name, if it has been opened. */
    public Optional<LocalBroker> local(String name) {
        return Optional.ofNullable(open.get(name)).filter(LocalBroker.class::isInstance).map(LocalBroker.class::cast);
    }

    /** Notes how a broker answered: health, time, dialect (for remote brokers, what was learnt on contact). */
    public void record(Outcome o, Instant at) {
        entry(o.broker()).ifPresent(e -> {
            e.lastAnswerProperty().set(at);
            String took = String.format(Locale.ROOT, "%.2f s", o.elapsed().toMillis() / 1000.0);
            if (o instanceof Outcome.Failed f) {
                e.healthProperty().set(Health.FAILING);
                e.detailProperty().set(f.error().getMessage());
            } else {
                e.healthProperty().set(o.elapsed().compareTo(SLOW) > 0 ? Health.SLOW : Health.REACHABLE);
                e.detailProperty().set((o instanceof Outcome.No ? "said NO" : "offered") + " in " + took);
            }
            if (open.get(e.name()) instanceof HttpBroker h) {
                e.dialectProperty().set(h.profile().dialect().id());
            }
        });
    }

    /**
     * Adds (or replaces) a remote broker and saves the list; does file work, so call it off the JavaFX thread and
     * hand the returned entry to {@link #show}.
     */
    public BrokerEntry add(String name, String url, Credentials credentials) throws IOException {
        return add(name, url, Protocol.EXECUTION_BROKER, credentials);
    }

    /** The same, for a broker that speaks the given protocol. */
    public BrokerEntry add(String name, String url, Protocol protocol, Credentials credentials) throws IOException {
        return add(name, url, protocol, credentials, null);
    }

    /** The same, for a broker whose users sign in at an OpenID provider (oidc; null for none). */
    public BrokerEntry add(String name, String url, Protocol protocol, Credentials credentials, OidcSettings oidc)
            throws IOException {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("give the broker a name");
        }
        if (name.startsWith("builtin:")) {
            throw new IllegalArgumentException("names starting with builtin: are kept for the built-in brokers");
        }
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new IllegalArgumentException("the URL must start with http:// or https://, not '" + url + "'");
        }
        BrokerConfig c = BrokerConfig.of(name.strip(), url.strip()).withProtocol(protocol).withCredentials(credentials);
        if (oidc != null) {
            c = new BrokerConfig(c.name(), c.url(), protocol, Credentials.NONE, c.connectTimeout(), c.readTimeout(), oidc);
        }
        synchronized (registry) {
            registry.put(c);
            registry.save();
        }
        closeOne(name.strip());
        BrokerEntry e = entry(c);
        e.signInProperty().set(signInState(e));
        return e;
    }

    /** A remote broker's entry; one of an older protocol says which from the start (there is nothing to learn). */
    private static BrokerEntry entry(BrokerConfig c) {
        BrokerEntry e = new BrokerEntry(c.name(), c.url());
        if (c.oidc() != null) {
            e.signInProperty().set(SignInState.SIGNED_OUT); // until the kept tokens are read (signInState)
        }
        if (c.protocol() != Protocol.EXECUTION_BROKER) {
            e.dialectProperty().set(describe(c.protocol()));
        }
        return e;
    }

    /** An older protocol in words, as the brokers pane shows it. */
    public static String describe(Protocol p) {
        return switch (p) {
            case EXECUTION_BROKER -> "ExecutionBroker (generation learnt on contact)";
            case CANIDOTHIS -> "CanIDoThis 2021 (YES/NO, no accept)";
            case SRCNET_COMPUTE -> "SRCNet compute API 2024 (no times, no cancel)";
        };
    }

    /** Puts an added entry in the list (replacing one of the same name). */
    public void show(BrokerEntry e) {
        entries.removeIf(x -> x.name().equals(e.name()));
        entries.add(e);
    }

    /** Removes a remote broker from the list and the file (file work: off the JavaFX thread). */
    public void remove(String name) throws IOException {
        synchronized (registry) {
            if (registry.remove(name)) {
                registry.save();
            }
        }
        closeOne(name);
    }

    private void closeOne(String name) {
        Broker b = open.remove(name);
        if (b != null) {
            b.close();
        }
    }

    @Override
    public void close() {
        open.values().forEach(b -> {
            try {
                b.close();
            } catch (BrokerError | IllegalStateException ignored) {
                // closing on the way out: nothing more to do
            }
        });
        open.clear();
    }
}
