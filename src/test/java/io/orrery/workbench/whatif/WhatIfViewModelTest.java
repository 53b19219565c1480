package io.orrery.workbench.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Fixtures;
import io.orrery.workbench.UiThread;
import io.orrery.workbench.timeline.Lane;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The What-if tab's state without the toolkit: scenario errors, offers, sweeps, ghosts. */
class WhatIfViewModelTest {
    private final UiThread ui = new UiThread();
    private final ExecutorService work = Executors.newSingleThreadExecutor();
    private final WhatIfViewModel model = new WhatIfViewModel(ui, work);

    @AfterEach
    void tearDown() {
        work.shutdownNow();
        ui.close();
    }

    private void set(Runnable r) throws Exception {
        ui.call(() -> {
            r.run();
            return null;
        });
    }

    @Test
    void aWrongScenarioSaysWhatIsWrong() throws Exception {
        set(() -> model.atProperty().set("tomorrow"));
        ui.call(() -> model.offers(Fixtures.sample("01-minimal-container.yaml"))).get(5, TimeUnit.SECONDS);
        assertTrue(ui.call(() -> model.statusProperty().get()).contains("'tomorrow' is not an instant"));
        set(() -> {
            model.atProperty().set("2026-11-25T12:00:00Z");
            model.loadProperty().set("synthetic:rate=x");
        });
        ui.call(() -> model.offers(Fixtures.sample("01-minimal-container.yaml"))).get(5, TimeUnit.SECONDS);
        assertTrue(ui.call(() -> model.statusProperty().get()).contains("synthetic load"), model.statusProperty().get());
        set(() -> model.platforms().forEach(c -> c.included().set(false)));
        set(() -> model.loadProperty().set("none"));
        ui.call(() -> model.offers(Fixtures.sample("01-minimal-container.yaml"))).get(5, TimeUnit.SECONDS);
        assertTrue(ui.call(() -> model.statusProperty().get()).contains("at least one platform"));
    }

    @Test
    void aPlatformFileIsCheckedBeforeItJoins(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path bad = java.nio.file.Files.writeString(dir.resolve("bad.yaml"), "name: [unclosed\n");
        ui.call(() -> model.addPlatform(bad.toString())).get(10, TimeUnit.SECONDS);
        assertTrue(ui.call(() -> model.statusProperty().get()).startsWith("Cannot use " + bad));
        assertEquals(4, ui.call(() -> model.platforms().size()));
        String good = java.nio.file.Path.of("src/main/resources/io/orrery/broker/platforms/laptop.yaml")
                .toAbsolutePath().toString();
        ui.call(() -> model.addPlatform(good)).get(10, TimeUnit.SECONDS);
        assertEquals(good, ui.call(() -> model.platforms().get(4).nameOrFile()));
        assertTrue(ui.call(() -> model.statusProperty().get()).startsWith("Added platform laptop"));
    }

    @Test
    void offersSweepsAndGhosts() throws Exception {
        set(() -> model.atProperty().set("2026-11-25T12:00:00Z"));
        ui.call(() -> model.offers(Fixtures.sample("11-32-cores-4-hours.yaml"))).get(30, TimeUnit.SECONDS);
        ui.await(() -> !model.offers().isEmpty());
        assertEquals(3, ui.call(() -> model.offers().stream().map(r -> r.broker()).distinct().count()),
                "green-hpc, cloud and budget are in the scenario by default");
        set(() -> model.sweepProperty().set("duration=PT2H..PT4H"));
        ui.call(() -> model.sweep(Fixtures.sample("11-32-cores-4-hours.yaml"))).get(30, TimeUnit.SECONDS);
        ui.await(() -> model.points().size() == 9);
        assertEquals("duration", ui.call(() -> model.sweptProperty().get()));
        set(() -> {
            model.ghost(model.offers().get(0));
            model.ghost(model.offers().get(0));
        });
        assertEquals(1, ui.call(() -> model.ghostBars().size()), "the same offer is sent once");
        assertEquals(Lane.Kind.GHOST, ui.call(() -> model.ghostLanes().get(0).kind()));
        set(model::clearGhosts);
        assertTrue(ui.call(() -> model.ghostLanes().isEmpty() && model.ghostBars().isEmpty()));
    }
}
