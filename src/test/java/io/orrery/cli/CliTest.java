package io.orrery.cli;

import io.orrery.CliRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a script sees it: output, errors and exit codes. */
class CliTest {
    @TempDir
    Path dir;

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private Path sample(String name) {
        return Path.of(System.getProperty("orrery.samples", "sample-tasks")).resolve(name);
    }

    @Test
    void validSamplesExitZero() {
        CliRun r = run("validate", sample("01-minimal-container.yaml").toString(), sample("12-gaia-ml-analysis.yaml").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("2 files checked: 0 errors, 0 warnings"), r.err());
    }

    @Test
    void errorsExitOneWithOneLinePerFinding() throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "compute:\n  kind: x\n  cores: {min: 4, max: 2}\n");
        CliRun r = run("validate", bad.toString());
        assertEquals(1, r.code());
        String[] lines = r.out().strip().split("\n");
        assertTrue(lines.length >= 2, r.out());
        for (String line : lines) {
            assertTrue(line.matches(".*bad\\.yaml:\\d+:\\d+: (error|warning): .*"), line);
        }
        assertTrue(r.out().contains(bad + ":1:1: error: no executable"), r.out());
    }

    @Test
    void quietLeavesWarningsOut() {
        CliRun r = run("validate", "-q", sample("13-gpu-extension.yaml").toString());
        assertEquals(0, r.code());
        assertEquals("", r.out());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("validate").code());
        assertEquals(2, run("validate", dir.resolve("missing.yaml").toString()).code());
        assertEquals(2, run("convert", "--dialect", "1999", sample("01-minimal-container.yaml").toString()).code());
        assertEquals(2, run("no-such-command").code());
    }

    @Test
    void convertWritesTheChosenGenerationAndFormat() {
        CliRun r = run("convert", "--to", "json", "--dialect", "2025-04", sample("05-http-data-staged.yaml").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"resources\" : {"), r.out());
        assertTrue(r.out().contains("types/resources/data/simple-data-resource-1.0"), r.out());
        CliRun newest = run("convert", sample("19-generation-2025-04.yaml").toString());
        assertEquals(0, newest.code());
        assertTrue(newest.out().contains("Calycopis-openapi/schema/v1.0/kinds/compute/simple-compute-resource.yaml"),
                newest.out());
        assertTrue(newest.err().contains("written in the 2025-04 format"), newest.err());
    }

    @Test
    void convertReportsSyntaxErrorsWithAPosition() throws IOException {
        Path bad = dir.resolve("broken.yaml");
        Files.writeString(bad, "executable: {kind: x\n");
        CliRun r = run("convert", bad.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith(bad + ":"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void versionAndHelp() {
        CliRun v = run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("Orrery "), v.out());
        CliRun h = run("--help");
        assertTrue(h.out().contains("validate") && h.out().contains("convert"), h.out());
    }

    @Test
    void platformsListsTheBuiltInOnesWithCapacity() {
        CliRun r = run("platforms");
        assertEquals(0, r.code(), r.err());
        for (String name : new String[] {"local", "green-hpc", "cloud", "budget", "laptop"}) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(name + " ")), r.out());
        }
        assertTrue(r.out().contains("64xnvidia-a100"), r.out());
        String cores = String.valueOf(Runtime.getRuntime().availableProcessors());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("local\\s+" + cores + "\\s.*This machine, for real.*")),
                "the local platform is sized from this machine: " + r.out());
    }

    @Test
    void aBrokenPlatformFileIsReportedWithItsPosition() throws IOException {
        Path bad = dir.resolve("bad-platform.yaml");
        Files.writeString(bad, "name: x\ncapacity: {cores: many}\n");
        CliRun r = run("platforms", bad.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains(bad + ":2:"), r.err());
    }

    @Test
    void benchPrintsFigures() {
        CliRun r = CliRun.tools("bench", "--reservations", "200", "--requests", "50", "--fanout", "3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("median ms") && r.out().contains("simulated day:") && r.out().contains("fan-out: 3 brokers"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("200\\s+4 cores\\s+\\d+\\.\\d+.*")), r.out());
    }

    @Test
    void usersAddStoresAHashNeverThePassword() throws IOException {
        Path users = dir.resolve("users");
        java.io.InputStream stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream("a-long-password\n".getBytes()));
            CliRun r = run("users", "add", users.toString(), "alice");
            assertEquals(0, r.code(), r.err());
        } finally {
            System.setIn(stdin);
        }
        String stored = Files.readString(users);
        assertTrue(stored.startsWith("alice:pbkdf2-sha256:"), stored);
        assertTrue(!stored.contains("a-long-password"));
        assertTrue(io.orrery.server.PasswordHash.verify("a-long-password".toCharArray(), stored.strip().substring(6)));
    }

    @Test
    void aNullListItemIsAFindingWithItsLineInValidateAndOffers() throws IOException {
        Path bad = dir.resolve("null-item.yaml");
        Files.writeString(bad, io.orrery.Fixtures.DOCKER + "data:\n  - \nstorage: [null]\n");
        CliRun v = run("validate", bad.toString());
        assertEquals(1, v.code(), v.err());
        assertTrue(v.out().contains(bad + ":7:1: error: item 1 of this list is empty") && v.out().contains("(data)"),
                v.out());
        assertTrue(v.out().contains(bad + ":9:1: error: item 1 of this list is empty") && v.out().contains("(storage)"),
                v.out());
        assertTrue(!v.err().contains("Exception") && !v.out().contains("Exception"), v.err());
        CliRun o = run("offers", bad.toString(), "--broker", "builtin:laptop");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(bad + ":7:1: error: item 1 of this list is empty"), o.err());
        assertTrue(!o.err().contains("Exception") && !o.err().contains("null\n"), o.err());
    }

    @Test
    void anEmptyOrNullDocumentIsSaidPlainly() throws IOException {
        for (String text : java.util.List.of("", "~\n", "---\n", "null\n")) {
            Path f = dir.resolve("empty.yaml");
            Files.writeString(f, text);
            CliRun v = run("validate", f.toString());
            assertEquals(1, v.code(), "'" + text + "': " + v.out() + v.err());
            assertTrue(!(v.out() + v.err()).contains("Exception"), v.out() + v.err());
        }
    }

    @Test
    void theShippedCommandLineHasNoDevelopersTools() {
        assertEquals(2, run("bench").code(), "bench is a tool of the checkout, not a command of the product");
        assertEquals(2, run("loadtest").code());
        assertTrue(!io.orrery.cli.OrreryCommand.commandLine().getSubcommands().containsKey("loadtest"));
    }
}
