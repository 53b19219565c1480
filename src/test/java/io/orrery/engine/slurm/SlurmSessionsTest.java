package io.orrery.engine.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Await;
import io.orrery.broker.store.SqliteStore;
import io.orrery.model.PhaseChange;
import io.orrery.model.SessionPhase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions run as jobs on the real test cluster: a broker restarted on its database while a job runs sees it
 * through; a notebook runs through nbconvert inside a job, and a failing cell fails the session with its error.
 */
class SlurmSessionsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @TempDir
    Path dir;
    private SlurmCli cli;

    @BeforeEach
    void cluster() throws Exception {
        cli = SlurmBroker.requireCluster();
        SlurmBroker.clear(cli);
    }

    @AfterEach
    void clean() throws Exception {
        if (cli != null) {
            SlurmBroker.clear(cli);
        }
    }

    private static String output(SlurmBroker b, String id, String name) throws Exception {
        try (var in = b.core.openOutput(id, name, 0)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aBrokerRestartedOnItsDatabaseWhileAJobRunsSeesItThrough() throws Exception {
        SlurmBroker.machine().engine().orElseThrow(() -> new org.opentest4j.TestAbortedException(
                "no container engine on this machine for the job to run a container with"));
        Path data = dir.resolve("data");
        String id;
        try (SqliteStore store = new SqliteStore(data)) {
            SlurmBroker first = new SlurmBroker(data.resolve("sessions"), null, store);
            id = first.ask(SlurmBroker.container("echo one; sleep 6; echo two", 2, Duration.ofMinutes(5)))
                    .offers().get(0).meta().uuid();
            first.update(id, "ACCEPTED");
            Await.until(PATIENCE, () -> first.phase(id) == SessionPhase.RUNNING, "running before the restart");
            first.execution.close(); // the broker is gone; the job runs on in Slurm
        }
        try (SqliteStore store = new SqliteStore(data);
                SlurmBroker second = new SlurmBroker(data.resolve("sessions"), null, store)) {
            Await.until(PATIENCE, () -> second.phase(id) == SessionPhase.COMPLETED, "completed after the restart: "
                    + second.core.history(id));
            assertEquals("one\ntwo\n", output(second, id, "stdout"));
        }
    }

    private String notebook(String... sources) throws Exception {
        StringBuilder cells = new StringBuilder();
        int n = 0;
        for (String src : sources) {
            cells.append(n == 0 ? "" : ",").append("{\"cell_type\":\"code\",\"execution_count\":null,\"id\":\"c")
                    .append(n++).append("\",\"metadata\":{},\"outputs\":[],\"source\":[\"")
                    .append(src.replace("\"", "\\\"")).append("\"]}");
        }
        Path nb = Files.writeString(dir.resolve("task.ipynb"), "{\"cells\":[" + cells + "],\"metadata\":{\"kernelspec\":"
                + "{\"display_name\":\"Python 3\",\"language\":\"python\",\"name\":\"python3\"}},\"nbformat\":4,"
                + "\"nbformat_minor\":5}");
        return "executable:\n  kind: https://www.purl.org/ivoa.net/Calycopis-openapi/schema/v1.0/kinds/executable/"
                + "jupyter-notebook.yaml\n  meta: {name: nb}\n  location: \"" + nb.toUri() + "\"\n"
                + "schedule:\n  requested:\n    duration: PT5M\n";
    }

    @Test
    void aNotebookRunsInAJobAndAFailingCellFailsTheSession() throws Exception {
        if (!SlurmBroker.machine().jupyter().found()) {
            throw new org.opentest4j.TestAbortedException("no Jupyter on this machine for the job to run nbconvert");
        }
        try (SlurmBroker b = new SlurmBroker(dir.resolve("s"), null)) {
            String ok = b.ask(notebook("print('hello from a notebook job')")).offers().get(0).meta().uuid();
            b.update(ok, "ACCEPTED");
            Await.until(PATIENCE, () -> b.phase(ok).isTerminal(), "the notebook ends: " + b.core.history(ok));
            assertEquals(SessionPhase.COMPLETED, b.phase(ok), b.core.history(ok).toString());
            assertTrue(output(b, ok, "outputs/executed.ipynb").contains("hello from a notebook job"));

            String bad = b.ask(notebook("print('fine')", "1/0")).offers().get(0).meta().uuid();
            b.update(bad, "ACCEPTED");
            Await.until(PATIENCE, () -> b.phase(bad).isTerminal(), "the notebook ends");
            List<PhaseChange> h = b.core.history(bad);
            assertEquals("a cell failed: ZeroDivisionError: division by zero (cell 2)", h.get(h.size() - 1).reason());
        }
    }
}
