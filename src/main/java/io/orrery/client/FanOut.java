package io.orrery.client;

import io.orrery.model.ExecutionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Asks every broker at once. Each outcome is handed on as soon as its broker answers (or fails, or times out), so
 * one slow or silent broker never holds up the others; the whole can be cancelled.
 */
public final class FanOut {
    private FanOut() {}

    /** All outcomes, in the brokers' order; onEach sees each as it arrives (on the thread that completed it). */
    public static CompletableFuture<List<Outcome>> ask(List<? extends Broker> brokers, ExecutionRequest request,
                                                      Consumer<Outcome> onEach) {
        List<CompletableFuture<Outcome>> asks = new ArrayList<>();
        List<CompletableFuture<Outcome>> calls = new ArrayList<>();
        for (Broker b : brokers) {
            CompletableFuture<Outcome> f = b.ask(request);
            calls.add(f);
            asks.add(f.whenComplete((o, e) -> {
                if (o != null) {
                    onEach.accept(o);
                }
            }));
        }
        CompletableFuture<List<Outcome>> all = CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new))
                .thenApply(v -> asks.stream().map(CompletableFuture::join).toList());
        all.whenComplete((v, e) -> {
            if (all.isCancelled()) {
                calls.forEach(f -> f.cancel(true));
            }
        });
        return all;
    }
}
