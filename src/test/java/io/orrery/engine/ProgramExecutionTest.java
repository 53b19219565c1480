package io.orrery.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Await;
import io.orrery.broker.store.SessionStore;
import io.orrery.model.OfferSet;
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
 * Python programs run for real by this machine's Python 3 through the local platform: the answer on standard output,
 * a file written to outputs/ kept, a failing program FAILED with its exit code and error, a missing package named.
 * Skips, saying why, without Python 3 (unless ORRERY_REQUIRE_ENGINES=1).
 */
class ProgramExecutionTest {
    private static final String KIND =
            "https://www.purl.org/ivoa.net/Calycopis-openapi/schema/v1.0/kinds/executable/python-program.yaml";

    @TempDir
    Path dir;

    private static LocalPlatform.Found python() {
        LocalPlatform.Found f = LocalPlatform.Found.probe(System.getenv(), Duration.ofSeconds(30));
        RealBroker.require(f.python().found(), "no Python 3 on this machine: " + f.python().detail());
        return new LocalPlatform.Found(f.machine(), Optional.empty(), f.jupyter(), f.python());
    }

    private String request(String location, String extra) {
        return "executable:\n  kind: " + KIND + "\n  meta: {name: py}\n  location: \"" + location + "\"\n" + extra
                + "schedule:\n  requested:\n    duration: PT2M\n";
    }

    private static void awaitPhase(RealBroker b, String id, SessionPhase phase) {
        Await.until(Duration.ofSeconds(90), () -> b.phase(id) == phase, "session reaches " + phase + ": "
                + b.history(id));
    }

    private static String last(RealBroker b, String id) {
        List<PhaseChange> h = b.history(id);
        return h.get(h.size() - 1).reason();
    }

    @Test
    void theSampleProgramRunsAndWritesItsOutput() throws Exception {
        try (RealBroker b = new RealBroker(python(), dir.resolve("s"), SessionStore.NONE)) {
            String id = b.run(request(Path.of("sample-tasks/programs/newton_sqrt.py").toAbsolutePath().toString(),
                    "  arguments: [\"2\"]\n  requirements: {python: \">= 3.6\"}\n"));
            awaitPhase(b, id, SessionPhase.COMPLETED);
            assertTrue(b.output(id, "stdout").contains("sqrt(2.0) = 1.414213562373095"), b.output(id, "stdout"));
            assertEquals("1.414213562373095", b.output(id, "outputs/sqrt.txt").strip().substring(0, 17));
        }
    }

    @Test
    void aFailingProgramFailsWithItsExitCodeAndError() throws Exception {
        Path program = Files.writeString(dir.resolve("fail.py"), "import sys\nprint('going')\nsys.exit(3)\n");
        Path raising = Files.writeString(dir.resolve("raise.py"), "1/0\n");
        try (RealBroker b = new RealBroker(python(), dir.resolve("s"), SessionStore.NONE)) {
            String id = b.run(request(program.toUri().toString(), ""));
            awaitPhase(b, id, SessionPhase.FAILED);
            assertTrue(last(b, id).contains("the program exited with code 3"), last(b, id));
            String raised = b.run(request(raising.toString(), ""));
            awaitPhase(b, raised, SessionPhase.FAILED);
            assertTrue(last(b, raised).contains("code 1: ZeroDivisionError: division by zero"), last(b, raised));
        }
    }

    @Test
    void aMissingPackageFailsThePreparationNamingIt() throws Exception {
        Path program = Files.writeString(dir.resolve("p.py"), "print('never')\n");
        try (RealBroker b = new RealBroker(python(), dir.resolve("s"), SessionStore.NONE)) {
            String id = b.run(request(program.toString(),
                    "  requirements:\n    packages: [json, no-such-package-orrery-xyz]\n"));
            awaitPhase(b, id, SessionPhase.FAILED);
            assertTrue(last(b, id).contains("missing Python package no-such-package-orrery-xyz"), last(b, id));
            assertTrue(!last(b, id).contains("package json"), "json (a module of the standard library) is there");
        }
    }

    @Test
    void tooOldAPythonIsRefusedAtOfferTimeWithTheVersions() {
        LocalPlatform.Found f = python();
        try (RealBroker b = new RealBroker(f, dir.resolve("s"), SessionStore.NONE)) {
            OfferSet set = b.ask(request("/x.py", "  requirements: {python: \"> 99\"}\n"));
            assertEquals("NO", set.result());
            String text = io.orrery.model.codec.WireCodec.write(set, io.orrery.model.codec.Format.YAML);
            assertTrue(text.contains("needs python > 99") && text.contains(f.python().version()), text);
        }
    }
}
