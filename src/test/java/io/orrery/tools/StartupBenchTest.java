package io.orrery.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The start-up mode of {@code orrery bench}: real broker processes are started with the launcher's JVM options,
 * each answers, and the figures are printed (how fast is for the command to say, not for a test).
 */
class StartupBenchTest {

    @Test
    void theBrokersOptionsAreTheLaunchers() {
        List<String> options = ServeProcess.SERVER_JVM;
        assertTrue(options.contains("-XX:+UseSerialGC") && options.stream().anyMatch(o -> o.startsWith("-Xmx")),
                "the launcher's serve_vm_opts: " + options);
    }

    @Test
    void eachStartIsTimedAndItsMemoryRead() throws Exception {
        StartupBench.Figures f = StartupBench.measure(null, true, 1);
        assertEquals("data", f.mode());
        assertTrue(f.readyMs()[0] > 0 && f.cpuMs()[0] > 0 && f.rssMiB()[0] > 0, "ready " + f.readyMs()[0] + " ms, CPU "
                + f.cpuMs()[0] + " ms, " + f.rssMiB()[0] + " MiB");
    }

    @Test
    void theCommandPrintsItsFiguresAndTheGoal() throws Exception {
        StringWriter text = new StringWriter();
        assertEquals(0, StartupBench.run(1, new PrintWriter(text, true)));
        String out = text.toString();
        assertTrue(out.contains("no class-data sharing archive"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("no\\s+memory\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("no\\s+data\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+")), out);
        assertTrue(out.contains("goal of issue 19: ready within 500 ms"), out);
    }
}
