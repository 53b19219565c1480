package io.orrery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.CliRun;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code orrery whatif}: offers under load, sweeps, determinism and errors, through the real command line. */
class WhatIfCommandTest {
    private static final String TASK = "sample-tasks/11-32-cores-4-hours.yaml";

    @Test
    void offersUnderLoadWithTheScenarioSaid() {
        CliRun r = CliRun.of("whatif", TASK, "--platform", "budget", "--platform", "laptop", "--load",
                "budget=trace:small-cluster", "--at", "2026-11-25T12:00:00Z", "--since", "P7D");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("budget       trace:small-cluster (1283 jobs): "), r.out());
        assertTrue(r.out().contains("laptop       no background load"), r.out());
        assertTrue(r.out().contains("laptop said NO:"), r.out());
        String again = CliRun.of("whatif", TASK, "--platform", "budget", "--platform", "laptop", "--load",
                "budget=trace:small-cluster", "--at", "2026-11-25T12:00:00Z", "--since", "P7D").out();
        assertEquals(r.out().replaceAll("replayed in [0-9.]+ s", "replayed"), again.replaceAll("replayed in [0-9.]+ s",
                "replayed"), "the same scenario gives the same answer (all but the time it took)");
    }

    @Test
    void aSweepAsJson() {
        CliRun r = CliRun.of("whatif", TASK, "--platform", "budget", "--platform", "cloud", "--load",
                "synthetic:rate=2,cores=16..64,hours=2..8,seed=3", "--at", "2026-11-25T12:00:00Z", "--since", "P3D",
                "--sweep", "cores=16..128", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = JsonMapper.builder().build().readTree(r.out());
        assertEquals("cores", root.path("parameter").asString());
        assertEquals(8, root.path("points").size());
        assertTrue(root.path("points").toString().contains("\"no\""), "128 cores on budget is a NO");
        assertEquals(2, root.path("scenario").path("platforms").size());
    }

    @Test
    void badScenariosAreUsageErrors() {
        CliRun load = CliRun.of("whatif", TASK, "--platform", "budget", "--load", "synthetic:rate=-1");
        assertEquals(2, load.code());
        assertTrue(load.err().contains("rate must be above 0"), load.err());
        CliRun sweep = CliRun.of("whatif", TASK, "--platform", "budget", "--sweep", "platform=cloud");
        assertEquals(2, sweep.code());
        assertTrue(sweep.err().contains("not in the scenario"), sweep.err());
        CliRun platform = CliRun.of("whatif", TASK, "--platform", "nowhere");
        assertEquals(2, platform.code());
        assertTrue(platform.err().contains("nowhere"), platform.err());
    }
}
