package io.orrery.workbench.whatif;

import io.orrery.broker.whatif.Load;
import io.orrery.engine.slurm.SlurmLoad;
import io.orrery.engine.slurm.SlurmPlatform;
import io.orrery.model.ExecutionRequest;
import io.orrery.workbench.event.EventBus;
import io.orrery.workbench.event.GhostsChanged;
import io.orrery.workbench.event.TaskChanged;
import io.orrery.workbench.event.TimeShown;
import io.orrery.workbench.feature.Controller;
import io.orrery.workbench.feature.Pins;
import io.orrery.workbench.feature.StatusLine;
import io.orrery.workbench.timeline.Bar;
import io.orrery.workbench.timeline.Lane;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;

/**
 * The What-if tab: runs the scenario's offers and sweeps for the editor's task ({@link TaskChanged}) on {@code io},
 * and sends the offers the user picks to the offers timeline as ghosts ({@link GhostsChanged}).
 */
public final class WhatIfController extends Controller {
    private final WhatIfViewModel model;
    private final WhatIfView view;
    private final EventBus bus;
    private final StatusLine status;
    private TaskChanged task = TaskChanged.NONE;

    public WhatIfController(Executor io, EventBus bus, StatusLine status) {
        this.bus = bus;
        this.status = status;
        // slurm[:CONF]: a real cluster's queue, read when the scenario is built (on io), not here
        model = new WhatIfViewModel(Platform::runLater, io, spec -> SlurmPlatform.names(spec.strip())
                ? SlurmLoad.lazy(spec.strip(), System.getenv()) : Load.parse(spec));
        view = new WhatIfView(model, new WhatIfView.Actions(() -> task().ifPresent(model::offers),
                () -> task().ifPresent(model::sweep)));
    }

    @Override
    protected void onActivate(Pins pins) {
        view.bind(pins);
        task = bus.last(TaskChanged.class).orElse(task);
        pins.add(bus.subscribe(TaskChanged.class, t -> task = t));
        bus.last(TimeShown.class).ifPresent(t -> view.time(t.time()));
        pins.add(bus.subscribe(TimeShown.class, t -> view.time(t.time())));
        pins.listen(model.ghostLanes(), (ListChangeListener<Lane>) c -> publishGhosts());
        pins.listen(model.ghostBars(), (ListChangeListener<Bar>) c -> publishGhosts());
    }

    private void publishGhosts() {
        bus.publish(new GhostsChanged(model.ghostLanes(), model.ghostBars()));
    }

    public WhatIfViewModel model() {
        return model;
    }

    public Node view() {
        return view.root();
    }

    /** The editor's task as a request, or empty (the status line then says why it cannot be sent). */
    public Optional<ExecutionRequest> task() {
        return task.request(status::say);
    }
}
