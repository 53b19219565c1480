package io.orrery.workbench.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.orrery.Fixtures;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** The what-if's running flag (its buttons' disabled state) ends with the work, even work that never started. */
class WhatIfFailuresTest {
    @Test
    void runningEndsWhenTheWorkCannotStart() throws Exception {
        WhatIfViewModel model = new WhatIfViewModel(Runnable::run, r -> {
            throw new RejectedExecutionException("the window is closing");
        });
        model.atProperty().set("2026-11-25T12:00:00Z");
        model.loadProperty().set("none");
        model.offers(Fixtures.sample("01-minimal-container.yaml")).join();
        assertFalse(model.runningProperty().get());
        assertEquals("The what-if failed: the window is closing", model.statusProperty().get());
    }
}
