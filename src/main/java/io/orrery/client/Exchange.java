package io.orrery.client;

import io.orrery.client.oidc.BearerSource;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * HTTP with one broker, whatever protocol it speaks (OkHttp, sharing one connection pool): requests carrying the
 * broker's credentials, answers read whole up to a bound, and transport failures said plainly (a read timeout is a
 * silent broker, not an unreachable one). Redirects are not followed, so credentials are not sent again.
 */
public final class Exchange {
    private static final MediaType JSON = MediaType.get("application/json");
    /** Answers larger than this are no broker's (Orrery's and the reference broker's are under 1 MiB). */
    private static final int MOST = 16 << 20;
    private static final OkHttpClient SHARED = new OkHttpClient.Builder()
            .followRedirects(false).followSslRedirects(false)
            .dispatcher(dispatcher())
            .proxySelector(EnvironmentProxy.selector())
            .build();

    private final BrokerConfig config;
    private final OkHttpClient http;
    private final SignedInCalls signedIn;

    public Exchange(BrokerConfig config) {
        this.config = config;
        this.http = SHARED.newBuilder().connectTimeout(config.connectTimeout()).readTimeout(config.readTimeout())
                .writeTimeout(config.readTimeout()).callTimeout(config.connectTimeout().plus(config.readTimeout()))
                .build();
        this.signedIn = config.credentials().source() == null ? null
                : new SignedInCalls(config, this::plain, this::enqueue);
    }

    private static Dispatcher dispatcher() {
        Dispatcher d = new Dispatcher();
        d.setMaxRequests(256);
        d.setMaxRequestsPerHost(64);
        return d;
    }

    public BrokerConfig config() {
        return config;
    }

    /** An answer read whole: status, body and headers. */
    public record Reply(int code, byte[] bytes, okhttp3.Headers headers, Charset charset) {
        public String body() {
            return new String(bytes, charset);
        }

        public String type() {
            return headers.get("Content-Type");
        }
    }

    /** A GET, with a Range header when one is given; basicOnGet sends Basic credentials on it too. */
    public Request get(String url, boolean basicOnGet, String range) {
        Request.Builder b = new Request.Builder().url(url).get();
        if (range != null) {
            b.header("Range", range);
        }
        return authorized(b, "GET", basicOnGet);
    }

    /** A POST (or PUT) of a JSON body. */
    public Request send(String method, String url, byte[] json) {
        return authorized(new Request.Builder().url(url).method(method, RequestBody.create(json, JSON)), method, false);
    }

    private Request authorized(Request.Builder b, String method, boolean basicOnGet) {
        b.header("Accept", "application/json");
        if (config.credentials().source() != null) {
            return b.build(); // the sign-in's token is added when the request is sent (SignedInCalls)
        }
        String auth = config.credentials().header(method, basicOnGet);
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return b.build();
    }

    /** Sends and reads the answer, or throws the transport failure as a {@link BrokerError}. */
    public Reply exchange(Request request, String what) {
        BearerSource source = config.credentials().source();
        return source == null ? plain(request, what) : signedIn.exchange(request, what);
    }

    private Reply plain(Request request, String what) {
        try (Response r = http.newCall(request).execute()) {
            return reply(r, what);
        } catch (IOException e) {
            throw transport(e, what);
        }
    }

    /**
     * Sends without waiting: the future completes with the answer, or exceptionally with a {@link BrokerError};
     * cancelling it cancels the call.
     */
    public CompletableFuture<Reply> async(Request request, String what) {
        return config.credentials().source() == null ? enqueue(request, what) : signedIn.async(request, what);
    }

    private CompletableFuture<Reply> enqueue(Request request, String what) {
        CompletableFuture<Reply> result = new CompletableFuture<>();
        Call call = http.newCall(request);
        result.whenComplete((r, e) -> {
            if (result.isCancelled()) {
                call.cancel();
            }
        });
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                result.completeExceptionally(transport(e, what));
            }

            @Override
            public void onResponse(Call c, Response r) {
                try (r) {
                    result.complete(reply(r, what));
                } catch (IOException e) {
                    result.completeExceptionally(transport(e, what));
                } catch (BrokerError e) {
                    result.completeExceptionally(e);
                }
            }
        });
        return result;
    }

    private Reply reply(Response r, String what) throws IOException {
        byte[] bytes = r.body().byteStream().readNBytes(MOST + 1);
        if (bytes.length > MOST) {
            throw new BrokerError(BrokerError.Kind.PROTOCOL, r.code(), "the broker's answer for " + what
                    + " is larger than " + (MOST >> 20) + " MiB");
        }
        MediaType type = r.body().contentType();
        return new Reply(r.code(), bytes, r.headers(), type == null ? StandardCharsets.UTF_8
                : type.charset(StandardCharsets.UTF_8));
    }

    /** The error an answer's status and body stand for (401 with or without credentials sent, 404, 409, 5xx...). */
    public BrokerError error(Reply r, String what) {
        if (r.code() == 401 && config.credentials().source() != null) {
            return SignedInCalls.refused(config, r, what);
        }
        return Answers.error(r.code(), r.body(), what, config.credentials().present());
    }

    /**
     * A transport failure said plainly. OkHttp reports a silent broker as a SocketTimeoutException (the read timeout;
     * a connect timeout says "connect") or an InterruptedIOException "timeout" (the call timeout).
     */
    public BrokerError transport(IOException e, String what) {
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

    /**
     * Lets go of the idle connections kept for reuse. A server that is being stopped waits for its open connections
     * (Orrery's own up to 2 s, then it fails to stop cleanly), so whoever stops one it has talked to calls this first.
     */
    public static void closeIdleConnections() {
        SHARED.connectionPool().evictAll();
    }
}
