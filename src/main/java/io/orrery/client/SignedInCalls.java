package io.orrery.client;

import io.orrery.client.oidc.BearerSource;
import io.orrery.client.oidc.OidcException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import okhttp3.Request;

/**
 * Requests to a broker whose users sign in at an OpenID provider: each carries the sign-in's token, fetched (and
 * renewed when near its expiry) as it is sent; a 401 renews the token once and sends the request again. Fetching or
 * renewing talks to the provider, so for an asynchronous request it happens on a thread of its own, never the
 * caller's.
 */
final class SignedInCalls {
    private static final ExecutorService TOKENS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "orrery-oidc-token");
        t.setDaemon(true);
        return t;
    });

    private final BrokerConfig config;
    private final BearerSource source;
    private final BiFunction<Request, String, Exchange.Reply> send;
    private final BiFunction<Request, String, CompletableFuture<Exchange.Reply>> enqueue;

    SignedInCalls(BrokerConfig config, BiFunction<Request, String, Exchange.Reply> send,
                  BiFunction<Request, String, CompletableFuture<Exchange.Reply>> enqueue) {
        this.config = config;
        this.source = config.credentials().source();
        this.send = send;
        this.enqueue = enqueue;
    }

    Exchange.Reply exchange(Request request, String what) {
        String token = token(source::token);
        Exchange.Reply reply = send.apply(bearing(request, token), what);
        if (reply.code() != 401) {
            return reply;
        }
        return send.apply(bearing(request, token(() -> source.renewed(token))), what);
    }

    /** The same asynchronously; cancelling the future cancels the call under way. */
    CompletableFuture<Exchange.Reply> async(Request request, String what) {
        CompletableFuture<Exchange.Reply> result = new CompletableFuture<>();
        AtomicReference<CompletableFuture<?>> current = new AtomicReference<>();
        result.whenComplete((r, e) -> {
            CompletableFuture<?> c = current.get();
            if (result.isCancelled() && c != null) {
                c.cancel(true);
            }
        });
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> token(source::token), TOKENS);
        current.set(first);
        first.thenCompose(token -> step(current, enqueue.apply(bearing(request, token), what)).thenCompose(reply ->
                        reply.code() != 401 ? CompletableFuture.completedFuture(reply)
                                : step(current, CompletableFuture.supplyAsync(() -> token(() -> source.renewed(token)),
                                        TOKENS)).thenCompose(renewed -> step(current,
                                        enqueue.apply(bearing(request, renewed), what)))))
                .whenComplete((reply, e) -> {
                    if (e != null) {
                        result.completeExceptionally(e instanceof java.util.concurrent.CompletionException c
                                && c.getCause() != null ? c.getCause() : e);
                    } else {
                        result.complete(reply);
                    }
                });
        return result;
    }

    private static <T> CompletableFuture<T> step(AtomicReference<CompletableFuture<?>> current,
                                                 CompletableFuture<T> next) {
        current.set(next);
        return next;
    }

    private static Request bearing(Request request, String token) {
        return request.newBuilder().header("Authorization", "Bearer " + token).build();
    }

    /** A token, or the reason there is none as a 401-kind error ("run 'orrery login NAME'"). */
    private String token(Supplier<String> get) {
        try {
            return get.get();
        } catch (OidcException e) {
            throw new BrokerError(BrokerError.Kind.UNAUTHORIZED, 0, e.getMessage());
        }
    }

    /** A 401 even with a renewed token, with the broker's reason where it gave one. */
    static BrokerError refused(BrokerConfig config, Exchange.Reply r, String what) {
        String challenge = r.headers().get("WWW-Authenticate");
        String reason = challenge == null ? null : challenge.replaceAll(".*error_description=\"([^\"]*)\".*", "$1");
        return new BrokerError(BrokerError.Kind.UNAUTHORIZED, 401, config.name() + " refused the token of the sign-in"
                + " (" + config.credentials().source().describe() + ") for " + what + (reason != null && !reason.equals(challenge)
                ? " (" + reason + ")" : "") + ": sign in again with 'orrery login " + config.name() + "'");
    }
}
