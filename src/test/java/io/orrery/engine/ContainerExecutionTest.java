package io.orrery.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Await;
import io.orrery.broker.store.SessionStore;
import io.orrery.model.PhaseChange;
import io.orrery.model.SessionPhase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Sessions run for real in containers on this machine's engine (Podman or Docker, through its API): every phase,
 * logs and output files, exit codes, cancel, the offered cores and memory, the offered end. Skips, saying why, on a
 * machine without an engine; CI installs one with {@code orrery engines setup}.
 */
class ContainerExecutionTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private RealBroker broker;

    @BeforeEach
    void start() {
        broker = new RealBroker(RealBroker.requireEngine(), dir.resolve("sessions"), SessionStore.NONE);
    }

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    private void awaitPhase(String id, SessionPhase phase) {
        Await.until(PATIENCE, () -> broker.phase(id) == phase, "session reaches " + phase + " (it is "
                + broker.phase(id) + ": " + broker.history(id) + ")");
    }

    @Test
    void aContainerRunsThroughEveryPhaseAndLeavesItsLogAndOutput() throws Exception {
        String id = broker.run(RealBroker.container(
                "echo hello from orrery; echo result > /outputs/result.txt; echo oops >&2", Duration.ofMinutes(2), ""));
        awaitPhase(id, SessionPhase.COMPLETED);
        List<SessionPhase> phases = broker.history(id).stream().map(PhaseChange::phase).toList();
        assertEquals(List.of(SessionPhase.OFFERED, SessionPhase.ACCEPTED, SessionPhase.PREPARING,
                SessionPhase.AVAILABLE, SessionPhase.RUNNING, SessionPhase.RELEASING, SessionPhase.COMPLETED), phases);
        assertEquals("hello from orrery\n", broker.output(id, "stdout"));
        assertEquals("oops\n", broker.output(id, "stderr"));
        assertEquals("result\n", broker.output(id, "outputs/result.txt"));
        assertEquals("0\n", broker.output(id, "exit"));
        JsonNode connectors = broker.core.sessionTree(id).orElseThrow().path("connectors");
        assertEquals(4, connectors.size(), connectors.toString());
        connectors.forEach(c -> assertEquals("FINISHED", c.path("status").asString()));
        assertEquals(0, broker.core.usage().bookings(), "the session ended early: its capacity is free at once");
        assertTrue(new DockerApi(Path.of(broker.found.engine().get().socket()), Duration.ofSeconds(5))
                .inspect("orrery-" + id).isEmpty(), "the container is removed");
    }

    @Test
    void aNonZeroExitIsFailedWithTheCode() {
        String id = broker.run(RealBroker.container("exit 3", Duration.ofMinutes(2), ""));
        awaitPhase(id, SessionPhase.FAILED);
        PhaseChange last = broker.history(id).get(broker.history(id).size() - 1);
        assertEquals("the container exited with code 3", last.reason());
    }

    @Test
    void theContainerHasTheOfferedCoresAndMemoryAndCancelStopsItAtOnce() throws Exception {
        String id = broker.run(RealBroker.container("echo started; sleep 120", Duration.ofMinutes(5), ""));
        awaitPhase(id, SessionPhase.RUNNING);
        DockerApi api = new DockerApi(Path.of(broker.found.engine().get().socket()), Duration.ofSeconds(5));
        JsonNode host = api.inspect("orrery-" + id).orElseThrow().path("HostConfig");
        assertEquals(1_000_000_000L, host.path("NanoCpus").asLong());
        assertEquals(1024L * 1024 * 1024, host.path("Memory").asLong());
        assertEquals("none", host.path("NetworkMode").asString());
        long t0 = System.nanoTime();
        broker.cancel(id);
        Await.until(Duration.ofSeconds(2), () -> {
            try {
                return api.inspect("orrery-" + id).map(c -> !c.path("State").path("Running").asBoolean()).orElse(true);
            } catch (java.io.IOException e) {
                return false;
            }
        }, "the container stops within 2 s of the cancel");
        System.out.printf("cancel: container stopped %d ms after the cancel%n", (System.nanoTime() - t0) / 1_000_000);
        assertEquals(SessionPhase.CANCELLED, broker.phase(id));
        assertEquals(0, broker.core.usage().bookings());
    }

    @Test
    void workStillRunningAtTheOfferedEndIsStoppedAndFailed() {
        String id = broker.run(RealBroker.container("sleep 120", Duration.ofSeconds(3), ""));
        awaitPhase(id, SessionPhase.FAILED);
        List<PhaseChange> h = broker.history(id);
        assertTrue(h.get(h.size() - 1).reason().startsWith("ran past its offered end"), h.toString());
        assertEquals(SessionPhase.RELEASING, h.get(h.size() - 2).phase());
    }

    @Test
    void aMissingImageFailsInPreparationWithTheReason() {
        String id = broker.run(RealBroker.container("true", Duration.ofMinutes(1), "").replace(RealBroker.IMAGE,
                "localhost/orrery-no-such-image:0"));
        awaitPhase(id, SessionPhase.FAILED);
        String reason = broker.history(id).get(broker.history(id).size() - 1).reason();
        assertTrue(reason.contains("orrery-no-such-image") && reason.contains("not on this machine"), reason);
        assertFalse(broker.history(id).stream().anyMatch(c -> c.phase() == SessionPhase.RUNNING));
    }
}
