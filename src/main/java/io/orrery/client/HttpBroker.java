package io.orrery.client;

import io.orrery.model.ExecutionRequest;
import io.orrery.model.ExecutionSession;
import io.orrery.model.OfferSet;
import io.orrery.model.SessionPhase;
import io.orrery.client.Exchange.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A broker over HTTP (OkHttp): learns on first contact which endpoints and generation it speaks, reads a 303's
 * body instead of following it (so credentials are not sent again), sends Basic credentials on POSTs and, once the
 * broker has answered a GET with 401, on its GETs too; checks every update with a fresh read and every offer
 * against the request. A read timeout is a timeout (the broker is silent), not an unreachable broker.
 */
public final class HttpBroker implements Broker {
    private final BrokerConfig config;
    private final Exchange http;
    private final Clock clock;
    private final String base;
    private volatile BrokerProfile profile;
    /** Learnt on the first 401 to a GET: this broker wants Basic credentials on reads too. */
    private volatile boolean basicOnReads;

    public HttpBroker(BrokerConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.base = config.url().replaceAll("/+$", "");
        this.http = new Exchange(config);
    }

    /** A broker whose generation is known in advance (no detection). */
    public HttpBroker(BrokerConfig config, Clock clock, BrokerProfile known) {
        this(config, clock);
        this.profile = known;
    }

    @Override
    public String name() {
        return config.name();
    }

    /** The profile learnt so far (NEWEST until a broker shows it is older). */
    public BrokerProfile profile() {
        return profile == null ? BrokerProfile.NEWEST : profile;
    }

    @Override
    public CompletableFuture<Outcome> ask(ExecutionRequest request) {
        Instant t0 = clock.instant();
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        send(request, profile(), profile == null, t0, result);
        return result;
    }

    private void send(ExecutionRequest request, BrokerProfile p, boolean mayFallBack, Instant t0,
                      CompletableFuture<Outcome> result) {
        CompletableFuture<Reply> call = http.async(http.send("POST", base + p.requestsPath(),
                RequestShaper.body(request, p.dialect())), "offers");
        result.whenComplete((o, e) -> {
            if (result.isCancelled()) {
                call.cancel(true);
            }
        });
        call.whenComplete((r, e) -> {
            if (e != null) {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                result.complete(new Outcome.Failed(name(), cause instanceof BrokerError b ? b
                        : new BrokerError(BrokerError.Kind.UNREACHABLE, 0, BrokerError.plain(cause)), elapsed(t0)));
                return;
            }
            try {
                if (r.code() == 404 && mayFallBack && p == BrokerProfile.NEWEST) {
                    send(request, BrokerProfile.V2026_05, false, t0, result);
                    return;
                }
                profile = p;
                if (r.code() != 303 && r.code() != 200) {
                    throw http.error(r, "the request for offers");
                }
                OfferSet set = Answers.read(r.body(), r.type(), OfferSet.class, "the offer set");
                result.complete(Outcome.of(name(), request, set, clock.instant(), elapsed(t0)));
            } catch (BrokerError b) {
                result.complete(new Outcome.Failed(name(), b, elapsed(t0)));
            } catch (RuntimeException x) {
                // an answer that reads but cannot be judged (an unreadable expiry, say) must not leave the ask open
                result.complete(new Outcome.Failed(name(), new BrokerError(BrokerError.Kind.PROTOCOL, r.code(),
                        "the broker's offers cannot be read: " + BrokerError.plain(x)), elapsed(t0)));
            }
        });
    }

    @Override
    public OfferSet offerSet(String url) {
        return get(url, OfferSet.class, "offer set " + url);
    }

    @Override
    public ExecutionSession session(String url) {
        return get(url, ExecutionSession.class, "session " + url);
    }

    @Override
    public UpdateResult update(String sessionUrl, SessionPhase target) {
        ExecutionSession before = session(sessionUrl);
        if (target == SessionPhase.ACCEPTED && before.expires() != null
                && !clock.instant().isBefore(Instant.parse(before.expires()))) {
            throw new BrokerError(BrokerError.Kind.CONFLICT, 0, "the offer expired at " + before.expires()
                    + " (checked here, since some brokers accept expired offers): ask for new offers");
        }
        String json = "{\"kind\":\"uri:enum-value-update\",\"path\":\"phase\",\"value\":\"" + target.name() + "\"}";
        if (profile().wrappedUpdates()) {
            json = "{\"update\":{\"type\":\"uri:enum-value-update\",\"path\":\"phase\",\"value\":\"" + target.name() + "\"}}";
        }
        Reply r = http.exchange(http.send("POST", sessionUrl, json.getBytes(StandardCharsets.UTF_8)), "session " + sessionUrl);
        if (r.code() != 200) {
            throw http.error(r, "session " + sessionUrl);
        }
        ExecutionSession answered = Answers.read(r.body(), r.type(), ExecutionSession.class, "the updated session");
        ExecutionSession reread = session(sessionUrl);
        SessionPhase now = SessionPhase.parse(reread.phase()).orElse(SessionPhase.INITIAL);
        boolean applied = now == target || (target == SessionPhase.ACCEPTED && now != SessionPhase.OFFERED
                && !now.isTerminal()) || (target == SessionPhase.ACCEPTED && now == SessionPhase.COMPLETED);
        String warning = applied ? null : "the broker answered " + answered.phase() + " but a fresh read shows "
                + reread.phase() + ": it did not apply the update (from " + before.phase() + " to " + target + ")";
        return new UpdateResult(answered, reread, applied, warning);
    }

    @Override
    public ExecutionSession direct(ExecutionRequest request) {
        BrokerProfile p = profile();
        Reply r = http.exchange(http.send("POST", base + p.directPath(), RequestShaper.body(request, p.dialect())),
                "direct execution");
        if (r.code() != 303 && r.code() != 200) {
            throw http.error(r, "direct execution");
        }
        return Answers.read(r.body(), r.type(), ExecutionSession.class, "the session");
    }

    /**
     * A read. Basic credentials go along once this broker has shown it wants them on reads: its first 401 to a GET
     * (when there are Basic credentials to send) is answered by sending the GET again with them, and from then on
     * every GET carries them.
     */
    private <T extends io.orrery.model.WireDocument> T get(String url, Class<T> type, String what) {
        Reply r = read(url, what, null);
        if (r.code() != 200) {
            throw http.error(r, what);
        }
        return Answers.read(r.body(), r.type(), type, what);
    }

    /** A GET, with a Range header when one is given, sent again with Basic credentials after a first 401. */
    private Reply read(String url, String what, String range) {
        boolean withBasic = basicOnReads;
        Reply r = http.exchange(http.get(url, withBasic, range), what);
        if (r.code() == 401 && !withBasic && config.credentials().basic()) {
            basicOnReads = true;
            r = http.exchange(http.get(url, true, range), what);
        }
        return r;
    }

    /**
     * Reads an output from its connector ({@code SESSION/connectors/NAME}) with {@code Range: bytes=OFFSET-}; an
     * Orrery broker answers at most 1 MiB at a time and says whether the output may still grow.
     */
    @Override
    public OutputChunk readOutput(String sessionUrl, String name, long offset) {
        String problem = io.orrery.broker.session.OutputName.problem(name);
        if (problem != null) {
            throw new BrokerError(BrokerError.Kind.REFUSED, 0, problem);
        }
        String what = "output '" + name + "' of session " + sessionUrl;
        Reply r = read(sessionUrl.replaceAll("/+$", "") + "/connectors/" + name, what, "bytes=" + offset + "-");
        return OutputReplies.chunk(r.code(), r.bytes(), r.headers()::get, offset, () -> http.error(r, what));
    }

    private Duration elapsed(Instant t0) {
        return Duration.between(t0, clock.instant());
    }

    /**
     * Lets go of the idle connections kept for reuse. A server that is being stopped waits for its open connections
     * (Orrery's own up to 2 s, then it fails to stop cleanly), so whoever stops one it has talked to calls this first.
     */
    public static void closeIdleConnections() {
        Exchange.closeIdleConnections();
    }

    @Override
    public void close() {
        // the connection pool is shared; idle connections time out by themselves
    }
}
