package io.orrery.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.session.SessionOutputs.OutputFile;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session files on disk: what is listed, read from an offset, and that no name reaches outside a session. */
class SessionFilesTest {
    private static final String ID = "0b0e7f6c-6f0a-4b1e-9d43-7b8f5d0e2a11";

    @TempDir
    Path dir;

    @Test
    void logsExitAndOutputsAreListedInOrderAndGrowUntilDone() throws Exception {
        SessionFiles files = new SessionFiles(dir);
        Files.writeString(files.log(ID, "stdout"), "one\ntwo\n");
        Files.writeString(files.outputs(ID).resolve("b.txt"), "b");
        Files.createDirectories(files.outputs(ID).resolve("sub"));
        Files.writeString(files.outputs(ID).resolve("sub/a.txt"), "aa");
        Files.writeString(files.scratch(ID).resolve("staged"), "not an output");
        assertEquals(List.of(new OutputFile("stdout", 8, true), new OutputFile("outputs/b.txt", 1, true),
                new OutputFile("outputs/sub/a.txt", 2, true)), files.list(ID));
        files.exit(ID, 3);
        files.dropScratch(ID);
        files.done(ID);
        assertEquals(List.of(new OutputFile("stdout", 8, false), new OutputFile("exit", 2, false),
                new OutputFile("outputs/b.txt", 1, false), new OutputFile("outputs/sub/a.txt", 2, false)), files.list(ID));
        assertEquals(3L, files.exitCode(ID).orElseThrow());
        assertFalse(Files.exists(dir.resolve(ID).resolve("scratch")));
        try (InputStream in = files.open(ID, "stdout", 4).orElseThrow()) {
            assertEquals("two\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        try (InputStream in = files.open(ID, "stdout", 999).orElseThrow()) {
            assertEquals(0, in.readAllBytes().length, "past the end reads nothing");
        }
        assertTrue(files.list("not-a-session").isEmpty());
        assertTrue(files.list("../../etc").isEmpty());
    }

    @Test
    void noNameReachesOutsideTheSessionsOutputs() throws Exception {
        SessionFiles files = new SessionFiles(dir);
        Files.writeString(files.outputs(ID).resolve("ok.txt"), "ok");
        Files.writeString(dir.resolve("secret"), "secret");
        Files.writeString(files.scratch(ID).resolve("staged"), "staged");
        Random random = new Random(16);
        String alphabet = "./\\\0abc-_~%:outputs";
        Path outputs = dir.resolve(ID).resolve("outputs");
        for (int i = 0; i < 5000; i++) {
            StringBuilder name = new StringBuilder(random.nextBoolean() ? "outputs/" : "");
            int length = random.nextInt(24);
            for (int j = 0; j < length; j++) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String n = name.toString();
            files.resolve(ID, n).ifPresent(p -> assertTrue(List.of("stdout", "stderr", "exit").contains(n)
                    || p.normalize().startsWith(outputs) && !p.normalize().equals(outputs), n + " -> " + p));
        }
        assertTrue(files.open(ID, "outputs/../../secret", 0).isEmpty());
        assertTrue(files.open(ID, "outputs/../scratch/staged", 0).isEmpty());
        assertTrue(files.open(ID, "scratch/staged", 0).isEmpty());
        assertTrue(files.open("..", "stdout", 0).isEmpty());
        assertTrue(files.open(ID, "outputs/ok.txt", 0).isPresent());
    }

    @Test
    void linksTheWorkMadeAreNeverFollowedAndOddNamesAreNotOffered() throws Exception {
        SessionFiles files = new SessionFiles(dir);
        Path secret = Files.writeString(dir.resolve("host-secret"), "root:x:0:0");
        Path outputs = files.outputs(ID);
        Files.createSymbolicLink(outputs.resolve("passwd"), secret);
        Files.createSymbolicLink(outputs.resolve("etc"), dir);
        Files.writeString(outputs.resolve("with space.txt"), "x");
        Files.writeString(outputs.resolve("ok.txt"), "ok");
        assertEquals(List.of(new OutputFile("outputs/ok.txt", 2, true)), files.list(ID));
        assertTrue(files.open(ID, "outputs/passwd", 0).isEmpty(), "a link to a host file is not read");
        assertTrue(files.open(ID, "outputs/etc/host-secret", 0).isEmpty(), "nor through a linked folder");
        assertTrue(files.open(ID, "outputs/ok.txt", 0).isPresent());
    }
}
