package io.orrery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code orrery serve} runs a broker (--platform) or a federation (--federate): exactly one, said clearly. */
class ServeFederateOptionsTest {
    @Test
    void neitherOrBothIsAUsageError() {
        CliRun neither = CliRun.of("serve", "--port", "0");
        assertEquals(2, neither.code(), neither.toString());
        assertTrue(neither.err().contains("give --platform NAME|FILE (a broker) or --federate FILE (a broker of brokers),"
                + " not neither"), neither.err());
        CliRun both = CliRun.of("serve", "--platform", "cloud", "--federate", "x.yaml", "--port", "0");
        assertEquals(2, both.code(), both.toString());
        assertTrue(both.err().contains("not both"), both.err());
    }

    @Test
    void theOwnershipOptionsAreForABrokerOnly(@TempDir Path dir) {
        CliRun run = CliRun.of("serve", "--federate", dir.resolve("x.yaml").toString(), "--admin", "root", "--port", "0");
        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("--admin and --adopt-unowned are for a broker's --data"), run.err());
    }

    @Test
    void aMissingOrEmptyUpstreamFileIsSaidBeforeListening(@TempDir Path dir) throws Exception {
        CliRun missing = CliRun.of("serve", "--federate", dir.resolve("nope.yaml").toString(), "--port", "0");
        assertEquals(2, missing.code(), missing.toString());
        assertTrue(missing.err().contains("no file") && missing.err().contains("nope.yaml"), missing.err());
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "brokers: []\n");
        CliRun none = CliRun.of("serve", "--federate", empty.toString(), "--port", "0");
        assertEquals(2, none.code(), none.toString());
        assertTrue(none.err().contains("must list upstream brokers by http(s) URL"), none.err());
        Path builtin = Files.writeString(dir.resolve("builtin.yaml"), "brokers:\n  - {name: b, url: 'builtin:cloud'}\n");
        assertEquals(2, CliRun.of("serve", "--federate", builtin.toString(), "--port", "0").code());
    }
}
