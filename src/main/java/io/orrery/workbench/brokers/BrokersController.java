package io.orrery.workbench.brokers;

import io.orrery.client.BrokerError;
import io.orrery.client.Credentials;
import io.orrery.client.oidc.Browser;
import io.orrery.client.oidc.LoopbackFlow;
import io.orrery.client.oidc.OidcSettings;
import io.orrery.client.Protocol;
import io.orrery.client.LocalBroker;
import io.orrery.client.ShiftedClock;
import io.orrery.workbench.event.BrokerAnswered;
import io.orrery.workbench.event.EventBus;
import io.orrery.workbench.feature.Controller;
import io.orrery.workbench.feature.Pins;
import io.orrery.workbench.feature.StatusLine;
import io.orrery.workbench.library.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.Node;

/**
 * The brokers pane: the brokers (built-in and remote) with their checks restored from the settings, the offline
 * clock the built-in ones run on, adding and removing remote brokers (the file work on {@code io}), and each
 * broker's health as answers come in ({@link BrokerAnswered}). Its view-model is also the directory the other
 * features open brokers through.
 */
public final class BrokersController extends Controller {
    private final BrokersViewModel model;
    private final BrokersView view;
    private final Settings settings;
    private final Executor io;
    private final EventBus bus;
    private final StatusLine status;
    private boolean rememberChecks = true;
    private final Map<String, LoopbackFlow> signingIn = new ConcurrentHashMap<>();
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();

    public BrokersController(Path configDir, Settings settings, Executor io, EventBus bus, StatusLine status) {
        this(configDir, settings, io, bus, status, LocalBroker.Opener.SIMULATED);
    }

    /** As the other, whose built-in brokers {@code builtIns} opens (the seam for platforms that run work for real). */
    public BrokersController(Path configDir, Settings settings, Executor io, EventBus bus, StatusLine status,
                             LocalBroker.Opener builtIns) {
        this.settings = settings;
        this.io = io;
        this.bus = bus;
        this.status = status;
        ShiftedClock offline = new ShiftedClock(Clock.systemUTC(), shift(settings.text("offline.shift", "PT0S")));
        try {
            model = new BrokersViewModel(configDir, offline, builtIns);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the brokers in " + configDir + ": " + e.getMessage(), e);
        }
        Set<String> unchecked = Set.of(settings.text("brokers.unchecked", "").split("\n"));
        model.entries().forEach(e -> e.checkedProperty().set(!unchecked.contains(e.name())));
        view = new BrokersView(model, new BrokersView.Actions(this::add, this::remove, this::signIn, this::cancelSignIn,
                this::signOut));
    }

    private static Duration shift(String s) {
        try {
            Duration d = Duration.parse(s);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (java.time.format.DateTimeParseException e) {
            return Duration.ZERO;
        }
    }

    @Override
    protected void onActivate(Pins pins) {
        view.bind(pins);
        pins.add(bus.subscribe(BrokerAnswered.class, a -> model.record(a.outcome(), a.at())));
        model.entries().stream().filter(e -> e.signInProperty().get().kind() != SignInState.Kind.NOT_NEEDED)
                .forEach(e -> io.execute(() -> {
                    SignInState s = model.signInState(e);
                    Platform.runLater(() -> e.signInProperty().set(s));
                }));
    }

    /**
     * Signs in to a broker in the browser (authorization code with PKCE on a loopback redirect): the flow runs on
     * {@code io}, the row says "signing in…" meanwhile and offers to cancel; what happened goes to the status line.
     */
    public void signIn(BrokerEntry e) {
        e.signInProperty().set(SignInState.SIGNING_IN);
        cancelled.remove(e.name());
        io.execute(() -> {
            SignInState result;
            try {
                LoopbackFlow flow = model.startSignIn(e);
                signingIn.put(e.name(), flow);
                if (cancelled.contains(e.name())) {
                    flow.cancel(); // cancelled while the issuer was being asked
                }
                if (!Browser.open(flow.url())) {
                    Platform.runLater(() -> status.say("Open this address in a browser to sign in to " + e.name()
                            + ": " + flow.url()));
                }
                result = model.signedIn(e, flow.await(Duration.ofMinutes(10)));
            } catch (RuntimeException ex) { // OidcException, or the tokens could not be kept: the row must not stay busy
                result = cancelled.remove(e.name()) ? SignInState.SIGNED_OUT : SignInState.failed(BrokerError.plain(ex));
            } finally {
                signingIn.remove(e.name());
            }
            SignInState s = result;
            Platform.runLater(() -> {
                e.signInProperty().set(s);
                status.say(s.kind() == SignInState.Kind.SIGNED_IN ? "Signed in to " + e.name() + ": "
                        + s.text(java.time.ZoneId.systemDefault()) : s.kind() == SignInState.Kind.SIGNED_OUT
                        ? "Sign-in to " + e.name() + " cancelled" : "Not signed in to " + e.name() + ": " + s.problem());
            });
        });
    }

    /** Stops a sign-in under way (its browser page then leads nowhere). */
    public void cancelSignIn(BrokerEntry e) {
        cancelled.add(e.name());
        LoopbackFlow flow = signingIn.remove(e.name());
        if (flow != null) {
            flow.cancel();
        }
    }

    /** Forgets a broker's tokens. */
    public void signOut(BrokerEntry e) {
        io.execute(() -> {
            SignInState s = model.signOut(e);
            Platform.runLater(() -> {
                e.signInProperty().set(s);
                status.say("Signed out of " + e.name());
            });
        });
    }

    /** The brokers, for the features that ask them and follow their sessions. */
    public BrokersViewModel model() {
        return model;
    }

    public Node view() {
        return view.root();
    }

    /** Adds a remote broker (the file is written off the JavaFX thread); what happened goes to the status line. */
    public void add(String name, String url, Credentials credentials) {
        add(name, url, Protocol.EXECUTION_BROKER, credentials);
    }

    /** The same, for a broker that speaks the given protocol. */
    public void add(String name, String url, Protocol protocol, Credentials credentials) {
        add(name, url, protocol, credentials, null);
    }

    /** The same, for a broker whose users sign in at an OpenID provider (oidc; null for none). */
    public void add(String name, String url, Protocol protocol, Credentials credentials, OidcSettings oidc) {
        io.execute(() -> {
            try {
                BrokerEntry e = model.add(name, url, protocol, credentials, oidc);
                Platform.runLater(() -> {
                    model.show(e);
                    status.say("Added broker " + e.name() + " (" + e.url() + ")");
                });
            } catch (IllegalArgumentException | IOException ex) {
                status.say("Cannot add the broker: " + ex.getMessage());
            }
        });
    }

    private void remove(BrokerEntry e) {
        if (e == null || e.builtIn()) {
            return;
        }
        io.execute(() -> {
            try {
                model.remove(e.name());
                Platform.runLater(() -> {
                    model.entries().remove(e);
                    status.say("Removed broker " + e.name());
                });
            } catch (IOException ex) {
                status.say("Cannot remove the broker: " + ex.getMessage());
            }
        });
    }

    /** Checks only the built-in brokers, for a demonstration, without remembering it as the user's choice. */
    public void checkBuiltInOnly() {
        rememberChecks = false;
        model.entries().forEach(e -> e.checkedProperty().set(e.builtIn()));
    }

    /** Puts the offline clock and (unless a demonstration changed them) the checks in the settings. */
    public void remember() {
        settings.put("offline.shift", model.offlineClock().shift().toString());
        if (rememberChecks) {
            settings.put("brokers.unchecked", String.join("\n", model.entries().stream()
                    .filter(e -> !e.checkedProperty().get()).map(BrokerEntry::name).toList()));
        }
    }
}
