package io.orrery.client;

import io.orrery.model.ExecutionRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Asks every broker at once. Each outcome is handed on as soon as its broker answers (or fails, or times out), so
 * one slow or silent broker never holds up the others; the whole can be cancelled, or cut off at a deadline that
 * keeps what arrived. A broker that throws instead of answering becomes a failure like any other.
 */
public final class FanOut {
    private FanOut() {}

    /** All outcomes, in the brokers' order; onEach sees each as it arrives (on the thread that completed it). */
    public static CompletableFuture<List<Outcome>> ask(List<? extends Broker> brokers, ExecutionRequest request,
                                                      Consumer<Outcome> onEach) {
        List<Ask> asks = start(brokers, request, onEach);
        CompletableFuture<List<Outcome>> all = allSettled(asks).thenApply(v -> outcomes(asks));
        all.whenComplete((v, e) -> {
            if (all.isCancelled()) {
                asks.forEach(Ask::abandon);
            }
        });
        return all;
    }

    /**
     * The outcomes that arrived within {@code limit}, in the brokers' order: brokers still silent then are cancelled
     * and become TIMEOUT failures ("no answer within N s"), so the answers that did arrive are kept. onEach sees
     * every outcome, the timeouts too. If the waiting thread is interrupted, the rest become CANCELLED failures.
     */
    public static List<Outcome> within(List<? extends Broker> brokers, ExecutionRequest request,
                                       Consumer<Outcome> onEach, Duration limit) {
        List<Ask> asks = start(brokers, request, onEach);
        try {
            allSettled(asks).get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            asks.forEach(a -> a.settle(BrokerError.timeout(limit, null)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            asks.forEach(a -> a.settle(new BrokerError(BrokerError.Kind.CANCELLED, 0, "stopped before it answered")));
        } catch (ExecutionException e) {
            throw new IllegalStateException("an ask ended without an outcome", e);
        }
        return outcomes(asks);
    }

    private static List<Ask> start(List<? extends Broker> brokers, ExecutionRequest request, Consumer<Outcome> onEach) {
        return brokers.stream().map(b -> new Ask(b, request, onEach)).toList();
    }

    private static CompletableFuture<Void> allSettled(List<Ask> asks) {
        return CompletableFuture.allOf(asks.stream().map(a -> a.settled).toArray(CompletableFuture[]::new));
    }

    private static List<Outcome> outcomes(List<Ask> asks) {
        return asks.stream().map(a -> a.settled.join()).toList();
    }

    /** One broker's ask: settled once, by its answer or by the deadline, whichever comes first. */
    private static final class Ask {
        private final String broker;
        private final Consumer<Outcome> onEach;
        private final long t0 = System.nanoTime();
        private final CompletableFuture<Outcome> settled = new CompletableFuture<>();
        private final java.util.concurrent.atomic.AtomicBoolean won = new java.util.concurrent.atomic.AtomicBoolean();
        private final CompletableFuture<Outcome> call;

        Ask(Broker b, ExecutionRequest request, Consumer<Outcome> onEach) {
            this.broker = b.name();
            this.onEach = onEach;
            CompletableFuture<Outcome> c;
            try {
                c = b.ask(request);
            } catch (RuntimeException e) {
                c = CompletableFuture.failedFuture(e);
            }
            call = c;
            call.whenComplete((o, e) -> settle(o != null ? o : failed(e)));
        }

        /** Stops the call and reports nothing more. */
        void abandon() {
            settled.cancel(false);
            call.cancel(true);
        }

        /** Settles with an error unless the broker's outcome came first. */
        void settle(BrokerError e) {
            settle(new Outcome.Failed(broker, e, Duration.ofNanos(System.nanoTime() - t0)));
        }

        /**
         * The first outcome wins; onEach sees it before the ask counts as settled, so that whoever waits for all of
         * them (the whole fan-out) is never told it is over before every outcome has been handed on.
         */
        private void settle(Outcome o) {
            if (won.compareAndSet(false, true)) {
                call.cancel(true);
                try {
                    onEach.accept(o);
                } finally {
                    settled.complete(o);
                }
            }
        }

        private Outcome failed(Throwable e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            BrokerError error = cause instanceof BrokerError be ? be
                    : cause instanceof CancellationException ? new BrokerError(BrokerError.Kind.CANCELLED, 0, "cancelled")
                    : new BrokerError(BrokerError.Kind.BROKER_FAILURE, 0, "the broker failed: " + BrokerError.plain(cause));
            return new Outcome.Failed(broker, error, Duration.ofNanos(System.nanoTime() - t0));
        }
    }
}
