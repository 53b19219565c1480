package io.orrery.client;

import io.orrery.model.ExecutionRequest;
import io.orrery.model.ExecutionSession;
import io.orrery.model.OfferSet;
import io.orrery.model.SessionPhase;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A broker over HTTP (OkHttp): learns on first contact which endpoints and generation it speaks, reads a 303's
 * body instead of following it (so credentials are not sent again), sends Basic credentials on POSTs and, once the
 * broker has answered a GET with 401, on its GETs too; checks every update with a fresh read and every offer
 * against the request. A read timeout is a timeout (the broker is silent), not an unreachable broker.
 */
public final class HttpBroker implements Broker {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final OkHttpClient SHARED = new OkHttpClient.Builder()
            .followRedirects(false).followSslRedirects(false)
            .dispatcher(dispatcher())
            .proxySelector(EnvironmentProxy.selector())
            .build();

    private final BrokerConfig config;
    private final OkHttpClient http;
    private final Clock clock;
    private final String base;
    private volatile BrokerProfile profile;
    /** Learnt on the first 401 to a GET: this broker wants Basic credentials on reads too. */
    private volatile boolean basicOnReads;

    public HttpBroker(BrokerConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.base = config.url().replaceAll("/+$", "");
        this.http = SHARED.newBuilder().connectTimeout(config.connectTimeout()).readTimeout(config.readTimeout())
                .writeTimeout(config.readTimeout()).callTimeout(config.connectTimeout().plus(config.readTimeout()))
                .build();
    }

    /** A broker whose generation is known in advance (no detection). */
    public HttpBroker(BrokerConfig config, Clock clock, BrokerProfile known) {
        this(config, clock);
        this.profile = known;
    }

    private static Dispatcher dispatcher() {
        Dispatcher d = new Dispatcher();
        d.setMaxRequests(256);
        d.setMaxRequestsPerHost(64);
        return d;
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
        Call call = http.newCall(post(base + p.requestsPath(), RequestShaper.body(request, p.dialect())));
        result.whenComplete((o, e) -> {
            if (result.isCancelled()) {
                call.cancel();
            }
        });
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                result.complete(new Outcome.Failed(name(), transport(e, "offers"), elapsed(t0)));
            }

            @Override
            public void onResponse(Call c, Response r) {
                try (r) {
                    String body = r.body().string();
                    if (r.code() == 404 && mayFallBack && p == BrokerProfile.NEWEST) {
                        send(request, BrokerProfile.V2026_05, false, t0, result);
                        return;
                    }
                    profile = p;
                    if (r.code() != 303 && r.code() != 200) {
                        throw Answers.error(r.code(), body, "the request for offers", config.credentials().present());
                    }
                    OfferSet set = Answers.read(body, r.header("Content-Type"), OfferSet.class, "the offer set");
                    result.complete(Outcome.of(name(), request, set, clock.instant(), elapsed(t0)));
                } catch (IOException e) {
                    result.complete(new Outcome.Failed(name(), transport(e, "offers"), elapsed(t0)));
                } catch (BrokerError e) {
                    result.complete(new Outcome.Failed(name(), e, elapsed(t0)));
                } catch (RuntimeException e) {
                    // an answer that reads but cannot be judged (an unreadable expiry, say) must not leave the ask open
                    result.complete(new Outcome.Failed(name(), new BrokerError(BrokerError.Kind.PROTOCOL, r.code(),
                            "the broker's offers cannot be read: " + BrokerError.plain(e)), elapsed(t0)));
                }
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
        Reply r = exchange(post(sessionUrl, json.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "session " + sessionUrl);
        if (r.code() != 200) {
            throw Answers.error(r.code(), r.body(), "session " + sessionUrl, config.credentials().present());
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
        Reply r = exchange(post(base + p.directPath(), RequestShaper.body(request, p.dialect())), "direct execution");
        if (r.code() != 303 && r.code() != 200) {
            throw Answers.error(r.code(), r.body(), "direct execution", config.credentials().present());
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
            throw Answers.error(r.code(), r.body(), what, config.credentials().present());
        }
        return Answers.read(r.body(), r.type(), type, what);
    }

    /** A GET, with a Range header when one is given, sent again with Basic credentials after a first 401. */
    private Reply read(String url, String what, String range) {
        boolean withBasic = basicOnReads;
        Reply r = exchange(read(url, withBasic, range), what);
        if (r.code() == 401 && !withBasic && config.credentials().basic()) {
            basicOnReads = true;
            r = exchange(read(url, true, range), what);
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
        return OutputReplies.chunk(r.code(), r.bytes(), r.headers()::get, offset, () -> Answers.error(r.code(), r.body(),
                what, config.credentials().present()));
    }

    private Request read(String url, boolean withBasic, String range) {
        Request.Builder b = new Request.Builder().url(url).get();
        if (range != null) {
            b.header("Range", range);
        }
        return authorized(b, "GET", withBasic);
    }

    private Request post(String url, byte[] json) {
        return authorized(new Request.Builder().url(url).post(RequestBody.create(json, JSON)), "POST", false);
    }

    private Request authorized(Request.Builder b, String method, boolean basicOnGet) {
        b.header("Accept", "application/json");
        String auth = config.credentials().header(method, basicOnGet);
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return b.build();
    }

    /** An answer read whole (up to a bound): status, body and headers. */
    private record Reply(int code, byte[] bytes, okhttp3.Headers headers, java.nio.charset.Charset charset) {
        String body() {
            return new String(bytes, charset);
        }

        String type() {
            return headers.get("Content-Type");
        }
    }

    /** Answers larger than this are not Orrery's or the reference broker's (theirs are under 1 MiB). */
    private static final int MOST = 16 << 20;

    private Reply exchange(Request request, String what) {
        try (Response r = http.newCall(request).execute()) {
            byte[] bytes = r.body().byteStream().readNBytes(MOST + 1);
            if (bytes.length > MOST) {
                throw new BrokerError(BrokerError.Kind.PROTOCOL, r.code(), "the broker's answer for " + what
                        + " is larger than " + (MOST >> 20) + " MiB");
            }
            MediaType type = r.body().contentType();
            return new Reply(r.code(), bytes, r.headers(), type == null ? java.nio.charset.StandardCharsets.UTF_8
                    : type.charset(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw transport(e, what);
        }
    }

    /**
     * A transport failure said plainly. OkHttp reports a silent broker as a SocketTimeoutException (the read timeout;
     * a connect timeout says "connect") or an InterruptedIOException "timeout" (the call timeout).
     */
    private BrokerError transport(IOException e, String what) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof SocketTimeoutException && message.toLowerCase(Locale.ROOT).contains("connect")) {
            return new BrokerError(BrokerError.Kind.UNREACHABLE, 0, config.name() + " cannot be reached (no connection"
                    + " within " + BrokerError.seconds(config.connectTimeout()) + ")");
        }
        if (e instanceof SocketTimeoutException) {
            return BrokerError.timeout(config.readTimeout(), what);
        }
        if (e instanceof InterruptedIOException && "timeout".equals(message)) {
            return BrokerError.timeout(Duration.ofMillis(http.callTimeoutMillis()), what);
        }
        if ("Canceled".equalsIgnoreCase(message)) {
            return new BrokerError(BrokerError.Kind.CANCELLED, 0, "cancelled");
        }
        return new BrokerError(BrokerError.Kind.UNREACHABLE, 0, config.name() + " cannot be reached ("
                + BrokerError.plain(e) + ")");
    }

    private Duration elapsed(Instant t0) {
        return Duration.between(t0, clock.instant());
    }

    /**
     * Lets go of the idle connections kept for reuse. A server that is being stopped waits for its open connections
     * (Orrery's own up to 2 s, then it fails to stop cleanly), so whoever stops one it has talked to calls this first.
     */
    public static void closeIdleConnections() {
        SHARED.connectionPool().evictAll();
    }

    @Override
    public void close() {
        // the connection pool is shared; idle connections time out by themselves
    }
}
