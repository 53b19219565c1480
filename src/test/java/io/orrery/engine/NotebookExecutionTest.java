package io.orrery.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Await;
import io.orrery.broker.store.SessionStore;
import io.orrery.model.PhaseChange;
import io.orrery.model.SessionPhase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notebooks executed for real by this machine's Jupyter (nbconvert): the executed notebook is kept as an output, a
 * failing cell fails the session with the cell's error. Skips, saying why, without Jupyter (CI installs it).
 */
class NotebookExecutionTest {
    private static final String KIND =
            "https://www.purl.org/ivoa.net/Calycopis-openapi/schema/v1.0/kinds/executable/jupyter-notebook.yaml";

    @TempDir
    Path dir;

    private static LocalPlatform.Found jupyter() {
        LocalPlatform.Found f = LocalPlatform.Found.probe(System.getenv(), Duration.ofSeconds(30));
        RealBroker.require(f.jupyter().found(), "no Jupyter on this machine (CI installs jupyter-nbconvert with"
                + " 'orrery engines setup')");
        return new LocalPlatform.Found(f.machine(), Optional.empty(), f.jupyter());
    }

    private static String cell(String source) {
        return "{\"cell_type\":\"code\",\"execution_count\":null,\"id\":\"c" + Math.abs(source.hashCode())
                + "\",\"metadata\":{},\"outputs\":[],\"source\":[" + RealBroker.quote(source) + "]}";
    }

    private String request(String... cells) throws Exception {
        Path nb = Files.writeString(dir.resolve("task.ipynb"), "{\"cells\":[" + String.join(",", cells) + "],"
                + "\"metadata\":{\"kernelspec\":{\"display_name\":\"Python 3\",\"language\":\"python\",\"name\":"
                + "\"python3\"}},\"nbformat\":4,\"nbformat_minor\":5}");
        return "executable:\n  kind: " + KIND + "\n  meta: {name: nb}\n  location: \"" + nb.toUri() + "\"\n"
                + "schedule:\n  requested:\n    duration: PT2M\n";
    }

    private static void awaitPhase(RealBroker b, String id, SessionPhase phase) {
        Await.until(Duration.ofSeconds(90), () -> b.phase(id) == phase, "session reaches " + phase + ": "
                + b.history(id));
    }

    @Test
    void aNotebookRunsAndItsExecutedCopyIsKept() throws Exception {
        try (RealBroker b = new RealBroker(jupyter(), dir.resolve("s"), SessionStore.NONE)) {
            String id = b.run(request(cell("print('hello from the notebook')"),
                    cell("import os; open(os.environ['ORRERY_OUTPUTS'] + '/n.txt', 'w').write('seven')")));
            awaitPhase(b, id, SessionPhase.COMPLETED);
            assertTrue(b.output(id, "outputs/" + NotebookJob.EXECUTED).contains("hello from the notebook"));
            assertEquals("seven", b.output(id, "outputs/n.txt"));
        }
    }

    @Test
    void aFailingCellFailsTheSessionWithTheCellsError() throws Exception {
        try (RealBroker b = new RealBroker(jupyter(), dir.resolve("s"), SessionStore.NONE)) {
            String id = b.run(request(cell("print('fine')"), cell("1/0")));
            awaitPhase(b, id, SessionPhase.FAILED);
            List<PhaseChange> h = b.history(id);
            assertEquals("a cell failed: ZeroDivisionError: division by zero (cell 2)", h.get(h.size() - 1).reason());
            assertTrue(b.output(id, "outputs/" + NotebookJob.EXECUTED).contains("ZeroDivisionError"),
                    "the executed notebook, error included, is kept");
        }
    }
}
