package io.orrery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.CliRun;
import io.orrery.engine.EngineSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code orrery engines setup}: where it refuses, and what {@code --dry-run} says (it changes nothing). */
class EnginesSetupCommandTest {
    private static final String DEBIAN = "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\n"
            + "VERSION_ID=\"12\"\nID=debian\n";

    @TempDir
    Path dir;

    private CliRun setup(long uid, String osRelease, String... args) throws IOException {
        Path file = dir.resolve("os-release");
        if (osRelease == null) {
            Files.deleteIfExists(file);
        } else {
            Files.writeString(file, osRelease);
        }
        return CliRun.on(new CommandLine(new EnginesSetupCommand(() -> uid, file)), args);
    }

    @Test
    void aUserOtherThanRootIsToldToUseSudoOrDryRun() throws IOException {
        CliRun r = setup(1000, DEBIAN);
        assertEquals(1, r.code(), r.out());
        assertEquals("orrery engines setup: needs root (running as uid 1000): run it with sudo, or see what it would do "
                + "with --dry-run\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void aSystemOtherThanDebianOrUbuntuIsNamedAndRefused() throws IOException {
        CliRun r = setup(0, "NAME=\"Fedora Linux\"\nID=fedora\nPRETTY_NAME=\"Fedora Linux 40 (Workstation Edition)\"\n");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().startsWith("orrery engines setup: this machine is not Debian or Ubuntu "
                + "(Fedora Linux 40 (Workstation Edition)); install docker.io or podman"), r.err());
        assertEquals(1, setup(0, null, "--dry-run").code(), "without /etc/os-release even a dry run refuses");
        assertTrue(setup(0, null).err().contains("(no /etc/os-release)"));
    }

    @Test
    void ubuntuAndDerivativesAreDebianLike() {
        assertEquals(null, EngineSetup.refusal(0, "ID=ubuntu\nID_LIKE=debian\n"));
        assertEquals(null, EngineSetup.refusal(0, "ID=linuxmint\nID_LIKE=\"ubuntu debian\"\n"));
        assertTrue(EngineSetup.refusal(0, "ID=arch\n").contains("not Debian or Ubuntu"));
    }

    @Test
    void aDryRunNeedsNoRootSaysEachStepAndChangesNothing() throws IOException {
        CliRun r = setup(1000, DEBIAN, "--dry-run");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("dry run as uid 1000: a real run needs root\n"), r.out());
        for (String step : new String[] {"] packages: ", "] podman configuration: ", "] podman service: ",
            "] test image: ", "] dry run: nothing was changed"}) {
            assertTrue(r.out().contains(step), step + " missing from:\n" + r.out());
        }
        assertTrue(r.out().contains("/run/podman/podman.sock"), r.out());
        assertTrue(r.out().contains(EngineSetup.TEST_IMAGE), r.out());
        assertTrue(!r.out().contains("\nENGINE "), "a dry run does not probe:\n" + r.out());
    }
}
