package io.orrery.workbench;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.TabPane;

/**
 * The demonstrations behind {@code orrery gui --demo[=offers|whatif]}: a sample task opened, then the built-in
 * brokers asked and the first offer selected, or what-if offers listed and a sweep drawn. Each completes when there is something to
 * see (for a screenshot).
 */
final class Demo {
    /** The sample both ask about: 32 cores for 4 hours (three brokers offer, the laptop says NO). */
    static final String SAMPLE = "11-";

    private Demo() {}

    static CompletableFuture<Void> run(Workbench wb, String which) {
        return switch (which) {
            case "whatif" -> whatIf(wb);
            case "offers", "true" -> offers(wb);
            case "run" -> runHere(wb);
            default -> CompletableFuture.failedFuture(new IllegalArgumentException("no demo '" + which
                    + "': offers, whatif or run"));
        };
    }

    static CompletableFuture<Void> offers(Workbench wb) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        wb.brokers().checkBuiltInOnly();
        // the simulated ones: the picture is the same on every machine
        wb.brokers().model().entries().forEach(e -> e.checkedProperty().set(e.builtIn()
                && wb.brokers().model().simulatedClock(e.name())));
        whenOpen(wb, SAMPLE, done, () -> {
            wb.offers().ask();
            if (wb.offers().model().pendingProperty().get() == 0) {
                done.complete(null); // refused to ask: the status line says why
                return;
            }
            wb.offers().model().pendingProperty().addListener(new ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number was, Number now) {
                    if (now.intValue() == 0) {
                        wb.offers().model().pendingProperty().removeListener(this);
                        var rows = wb.offers().view().table().getItems();
                        if (!rows.isEmpty()) {
                            wb.offers().model().selectedProperty().set(rows.get(0));
                        }
                        done.complete(null);
                    }
                }
            });
        });
        return done;
    }

    /**
     * Sample 21 asked of the built-in {@code local} broker only, its first offer accepted, and the session selected
     * in the monitor; completes once the container's log shows its first step (real work on this machine's engine).
     */
    static CompletableFuture<Void> runHere(Workbench wb) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        wb.brokers().checkBuiltInOnly();
        wb.brokers().model().entries().forEach(e -> e.checkedProperty().set(e.name().equals("builtin:local")));
        whenOpen(wb, "21-", done, () -> {
            wb.offers().ask();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            boolean[] accepted = {false};
            Timeline poll = new Timeline();
            poll.getKeyFrames().add(new KeyFrame(javafx.util.Duration.millis(200), e -> {
                var rows = wb.offers().model().rows();
                var sessions = wb.monitor().model().sessions();
                if (!accepted[0] && wb.offers().model().pendingProperty().get() == 0 && !rows.isEmpty()) {
                    accepted[0] = true;
                    wb.offers().accept(rows.get(0));
                } else if (!sessions.isEmpty() && wb.monitor().model().selectedProperty().get() == null) {
                    wb.planTabs().getSelectionModel().select(1);
                    wb.monitor().model().selectedProperty().set(sessions.get(0));
                } else if (wb.monitor().outputs().stdout().text().contains("step 1")) {
                    poll.stop();
                    done.complete(null);
                }
                if (System.nanoTime() > until && !done.isDone()) {
                    poll.stop();
                    done.completeExceptionally(new IllegalStateException("no live log within 90 s (is there a"
                            + " container engine? orrery engines)"));
                }
            }));
            poll.setCycleCount(Animation.INDEFINITE);
            poll.play();
        });
        return done;
    }

    static CompletableFuture<Void> whatIf(Workbench wb) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        whenOpen(wb, SAMPLE, done, () -> {
            TabPane tabs = wb.planTabs();
            tabs.getSelectionModel().select(2);
            var model = wb.whatIf().model();
            model.loadProperty().set("synthetic:rate=2,cores=16..64,hours=2..8,seed=3");
            model.sinceProperty().set("P3D");
            model.sweepProperty().set("cores=8..128");
            wb.whatIf().task().ifPresentOrElse(r -> model.offers(r).thenCompose(v -> model.sweep(r))
                    .whenComplete((v, e) -> complete(done, e)), () -> done.complete(null));
        });
        return done;
    }

    private static void complete(CompletableFuture<Void> done, Throwable e) {
        if (e == null) {
            done.complete(null);
        } else {
            done.completeExceptionally(e);
        }
    }

    /** Opens the sample (by its number) and runs then once the editor has read it (or fails done after 30 s). */
    private static void whenOpen(Workbench wb, String prefix, CompletableFuture<Void> done, Runnable then) {
        Path sample = wb.library().library().samples().stream()
                .filter(e -> e.path().getFileName().toString().startsWith(prefix))
                .map(io.orrery.workbench.library.TaskLibrary.Entry::path).findFirst().orElse(null);
        if (sample == null) {
            done.completeExceptionally(new IllegalStateException("the sample tasks are not where the window looks"));
            return;
        }
        wb.open(sample);
        Timeline poll = new Timeline();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        poll.getKeyFrames().add(new KeyFrame(javafx.util.Duration.millis(100), e -> {
            if (sample.equals(wb.editor().model().fileProperty().get()) && wb.editor().model().upToDate()) {
                poll.stop();
                then.run();
            } else if (System.nanoTime() > until) {
                poll.stop();
                done.completeExceptionally(new IllegalStateException("the sample did not open within 30 s"));
            }
        }));
        poll.setCycleCount(Animation.INDEFINITE);
        poll.play();
    }
}
