package io.orrery.workbench.whatif;

import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.broker.platform.PlatformException;
import io.orrery.broker.whatif.Load;
import io.orrery.broker.whatif.Scenario;
import io.orrery.broker.whatif.Sweep;
import io.orrery.broker.whatif.SweepPoint;
import io.orrery.broker.whatif.TraceFormatException;
import io.orrery.broker.whatif.WhatIf;
import io.orrery.client.LocalBroker;
import io.orrery.client.Outcome;
import io.orrery.client.compare.Comparison;
import io.orrery.client.compare.OfferRow;
import io.orrery.client.compare.Rank;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.OfferSet;
import io.orrery.workbench.MainViewModel;
import io.orrery.workbench.offers.OfferLanes;
import io.orrery.client.text.HumanTime;
import io.orrery.workbench.timeline.Bar;
import io.orrery.workbench.timeline.Lane;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The what-if sandbox's state: the scenario as the user sets it (platforms, load, moment, how long the load ran
 * before), the offers it gives for the task, a sweep's points, and the offers sent to the live timeline as ghosts.
 * The scenario is built and replayed on {@code io}; results land on {@code ui}.
 */
public final class WhatIfViewModel {
    /** A platform the scenario may include: a built-in one or a file. */
    public record Choice(String nameOrFile, BooleanProperty included) {
        public static Choice of(String nameOrFile, boolean included) {
            return new Choice(nameOrFile, new SimpleBooleanProperty(included));
        }
    }

    private final Executor ui;
    private final Executor io;
    private final java.util.function.Function<String, Load> loads;
    private final ObservableList<Choice> platforms = FXCollections.observableArrayList();
    private final StringProperty load = new SimpleStringProperty("trace:small-cluster");
    private final StringProperty at = new SimpleStringProperty(Instant.now().truncatedTo(ChronoUnit.MINUTES).toString());
    private final StringProperty since = new SimpleStringProperty("P7D");
    private final StringProperty sweep = new SimpleStringProperty("cores=1..64");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final ObservableList<OfferRow> offers = FXCollections.observableArrayList();
    private final ObservableList<String> refusals = FXCollections.observableArrayList();
    private final ObservableList<SweepPoint> points = FXCollections.observableArrayList();
    private final StringProperty swept = new SimpleStringProperty("");
    private final ObservableList<Lane> ghostLanes = FXCollections.observableArrayList();
    private final ObservableList<Bar> ghostBars = FXCollections.observableArrayList();
    private Instant moment;

    public WhatIfViewModel(Executor ui, Executor io) {
        this(ui, io, Load::parse);
    }

    /** With a parser of loads that knows more than {@link Load#parse} (a real cluster's queue, read on io). */
    public WhatIfViewModel(Executor ui, Executor io, java.util.function.Function<String, Load> loads) {
        this.ui = ui;
        this.io = io;
        this.loads = loads;
        for (String p : PlatformCatalog.BUILT_IN) {
            platforms.add(Choice.of(p, !p.equals("laptop")));
        }
    }

    public ObservableList<Choice> platforms() {
        return platforms;
    }

    public StringProperty loadProperty() {
        return load;
    }

    public StringProperty atProperty() {
        return at;
    }

    public StringProperty sinceProperty() {
        return since;
    }

    public StringProperty sweepProperty() {
        return sweep;
    }

    /** What happened last, or what is wrong with the scenario. */
    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public ObservableList<OfferRow> offers() {
        return offers;
    }

    public ObservableList<String> refusals() {
        return refusals;
    }

    public ObservableList<SweepPoint> points() {
        return points;
    }

    /** The parameter of the last sweep, in words. */
    public StringProperty sweptProperty() {
        return swept;
    }

    public ObservableList<Lane> ghostLanes() {
        return ghostLanes;
    }

    public ObservableList<Bar> ghostBars() {
        return ghostBars;
    }

    /** The moment of the last answer (sweep charts measure from it). */
    public Instant moment() {
        return moment;
    }

    /**
     * Adds a platform from a YAML file, read and checked off the JavaFX thread; a bad file is said in the status
     * line. Completes when the list or the status has changed.
     */
    public CompletableFuture<Void> addPlatform(String file) {
        return CompletableFuture.supplyAsync(() -> PlatformCatalog.load(file), io).handleAsync((p, e) -> {
            if (e == null) {
                platforms.add(Choice.of(file, true));
                status.set("Added platform " + p.name() + " from " + file);
            } else {
                status.set("Cannot use " + file + ": " + MainViewModel.reason(e));
            }
            return null;
        }, ui);
    }

    /** Reads the scenario as set; throws with a message for the user when a part is wrong. */
    Scenario scenario() {
        Instant when;
        Duration before;
        try {
            when = Instant.parse(at.get().strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + at.get() + "' is not an instant like 2026-11-25T12:00:00Z");
        }
        try {
            before = Duration.parse(since.get().strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + since.get() + "' is not a duration like P7D or PT12H");
        }
        Load l = loads.apply(load.get());
        List<Scenario.Site> sites = new ArrayList<>();
        for (Choice c : platforms) {
            if (c.included().get()) {
                sites.add(new Scenario.Site(PlatformCatalog.load(c.nameOrFile()), l));
            }
        }
        if (sites.isEmpty()) {
            throw new IllegalArgumentException("include at least one platform");
        }
        return new Scenario(sites, when, before);
    }

    /** The offers of every platform for the request; completes when they are shown. */
    public CompletableFuture<Void> offers(ExecutionRequest request) {
        return run(request, false);
    }

    /** The sweep as set; completes when its points are shown. */
    public CompletableFuture<Void> sweep(ExecutionRequest request) {
        return run(request, true);
    }

    private CompletableFuture<Void> run(ExecutionRequest request, boolean sweeping) {
        Scenario scenario;
        Sweep parsed;
        try {
            scenario = scenario();
            parsed = sweeping ? Sweep.parse(sweep.get()) : null;
        } catch (TraceFormatException | PlatformException | IllegalArgumentException e) {
            status.set("Cannot run the what-if: " + e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        running.set(true);
        status.set("Replaying the load and asking\u2026");
        CompletableFuture<Result> work;
        try {
            work = replay(request, scenario, parsed);
        } catch (RuntimeException e) {
            work = CompletableFuture.failedFuture(e); // io refused the work (the window is closing): not running either
        }
        // running ends with the work, however it ends
        return work.handleAsync((r, e) -> {
            running.set(false);
            if (e != null) {
                status.set("The what-if failed: " + MainViewModel.reason(e));
                return null;
            }
            moment = scenario.at();
            if (parsed != null) {
                points.setAll(r.points());
                swept.set(parsed.parameter().name().toLowerCase(java.util.Locale.ROOT));
            } else {
                offers.setAll(r.rows());
                refusals.setAll(r.outcomes().stream().filter(o -> o instanceof Outcome.No).map(o -> o.broker()
                        + " said NO: " + String.join("; ", ((Outcome.No) o).reasons())).toList());
            }
            status.set(String.format(java.util.Locale.ROOT, "At %s, load replayed in %.2f s (%s)",
                    HumanTime.UTC.instant(scenario.at()),
                    r.replaySeconds(), r.said()));
            return null;
        }, ui);
    }

    private CompletableFuture<Result> replay(ExecutionRequest request, Scenario scenario, Sweep parsed) {
        return CompletableFuture.supplyAsync(() -> {
            long t0 = System.nanoTime();
            List<Scenario.Sandbox> boxes = scenario.build();
            double replay = (System.nanoTime() - t0) / 1e9;
            String said = boxes.stream().map(b -> b.platform().name() + ": " + b.stats().booked() + " jobs")
                    .reduce((a, b) -> a + ", " + b).orElse("");
            if (parsed != null) {
                return new Result(List.of(), List.of(), WhatIf.sweep(boxes, request, parsed, scenario.at()), said, replay);
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Scenario.Sandbox box : boxes) {
                OfferSet set = WhatIf.ask(box, request);
                outcomes.add(LocalBroker.outcome(box.platform().name(), request, set, scenario.at(), Duration.ZERO));
            }
            return new Result(Comparison.of(request, outcomes, scenario.at(), Rank.EARLIEST_START), outcomes, List.of(),
                    said, replay);
        }, io);
    }

    private record Result(List<OfferRow> rows, List<Outcome> outcomes, List<SweepPoint> points, String said,
                          double replaySeconds) {
    }

    /** Sends a what-if offer to the live timeline, drawn as a ghost in a lane group of its own. */
    public void ghost(OfferRow r) {
        if (r == null || r.start() == null || ghostBars.stream().anyMatch(b -> b.id().equals("ghost:" + r.uuid()))) {
            return;
        }
        String lane = "ghost:" + r.uuid();
        long n = ghostLanes.stream().filter(l -> l.group().equals("what-if: " + r.broker())).count() + 1;
        ghostLanes.add(new Lane(lane, "what-if: " + r.broker(), "ghost " + n, Lane.Kind.GHOST, null));
        ghostBars.add(new Bar(lane, lane, OfferLanes.spans(r), null, "what-if", "what-if on " + r.broker() + " at "
                + HumanTime.UTC.instant(moment) + "\nstart " + HumanTime.UTC.instant(r.start()) + "\nend   "
                + HumanTime.UTC.instant(r.end()) + " (" + HumanTime.duration(r.duration()) + ")", false));
    }

    /** Takes every ghost off the live timeline. */
    public void clearGhosts() {
        ghostBars.clear(); // bars first: a bar may not outlive its lane
        ghostLanes.clear();
    }
}
