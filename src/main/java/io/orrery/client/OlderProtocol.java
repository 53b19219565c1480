package io.orrery.client;

import io.orrery.client.legacy.NotExpressible;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.OfferSet;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import tools.jackson.databind.JsonNode;

/**
 * What the brokers of the older protocols share: asking with a JSON body and reading the JSON answer into an offer
 * set, with every failure (a request the protocol has no words for, an answer that is not the protocol's) an outcome
 * that says so.
 */
final class OlderProtocol {
    private final Exchange http;
    private final Clock clock;
    private final String protocol;

    OlderProtocol(Exchange http, Clock clock, String protocol) {
        this.http = http;
        this.clock = clock;
        this.protocol = protocol;
    }

    String name() {
        return http.config().name();
    }

    Clock clock() {
        return clock;
    }

    Exchange http() {
        return http;
    }

    /** Reads a protocol's answer to its question, asked at a time, as an offer set. */
    @FunctionalInterface
    interface Reader {
        OfferSet read(JsonNode answer, JsonNode question, Instant askedAt);
    }

    /** POSTs (or PUTs) the body the request is put as, and reads the answer with {@code read}. */
    CompletableFuture<Outcome> ask(ExecutionRequest request, String method, String url,
                                   java.util.function.Function<Instant, JsonNode> body, Reader read) {
        Instant t0 = clock.instant();
        JsonNode question;
        byte[] bytes;
        try {
            question = body.apply(t0);
            bytes = WireCodec.writeCompact(question, Format.JSON, io.orrery.model.codec.Dialect.NEWEST);
        } catch (NotExpressible e) {
            return CompletableFuture.completedFuture(new Outcome.Failed(name(), new BrokerError(
                    BrokerError.Kind.REFUSED, 0, "not asked: " + e.getMessage()), Duration.ZERO));
        }
        CompletableFuture<Exchange.Reply> call = http.async(http.send(method, url, bytes), "the " + protocol + " question");
        CompletableFuture<Outcome> result = call.handle((r, e) -> {
            if (e != null) {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                return new Outcome.Failed(name(), cause instanceof BrokerError b ? b : new BrokerError(
                        BrokerError.Kind.UNREACHABLE, 0, BrokerError.plain(cause)), elapsed(t0));
            }
            try {
                OfferSet set = read.read(json(r, "the " + protocol + " answer"), question, t0);
                return Outcome.of(name(), request, set, clock.instant(), elapsed(t0));
            } catch (BrokerError b) {
                return new Outcome.Failed(name(), b, elapsed(t0));
            } catch (RuntimeException x) {
                return new Outcome.Failed(name(), new BrokerError(BrokerError.Kind.PROTOCOL, r.code(), "the "
                        + protocol + " answer cannot be read: " + BrokerError.plain(x)), elapsed(t0));
            }
        });
        result.whenComplete((o, e) -> {
            if (result.isCancelled()) {
                call.cancel(true);
            }
        });
        return result;
    }

    /** A 200 answer's JSON, or the error its status stands for. */
    JsonNode json(Exchange.Reply r, String what) {
        if (r.code() != 200 && r.code() != 201) {
            throw http.error(r, what);
        }
        try {
            var docs = io.orrery.model.codec.SourceReader.read(new String(r.bytes(), StandardCharsets.UTF_8),
                    Format.JSON);
            if (docs.size() != 1) {
                throw new IllegalArgumentException("it holds " + docs.size() + " documents");
            }
            return docs.get(0).tree();
        } catch (RuntimeException e) {
            throw new BrokerError(BrokerError.Kind.PROTOCOL, r.code(), what + " is not JSON: " + BrokerError.plain(e));
        }
    }

    /** The error for something this protocol cannot do. */
    BrokerError cannot(String what) {
        return new BrokerError(BrokerError.Kind.REFUSED, 0, "the " + protocol + " protocol " + what);
    }

    private Duration elapsed(Instant t0) {
        return Duration.between(t0, clock.instant());
    }
}
