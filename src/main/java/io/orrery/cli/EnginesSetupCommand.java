package io.orrery.cli;

import io.orrery.engine.EngineProbe;
import io.orrery.engine.EngineSetup;
import io.orrery.engine.EngineSocket;
import io.orrery.engine.Jupyter;
import io.orrery.engine.Machine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code orrery engines setup}: installs and starts a container engine and Jupyter, then reports as {@code engines}. */
@Command(name = "setup", mixinStandardHelpOptions = true,
        description = {"Install and start what 'orrery engines' looks for, as root on Debian or",
            "Ubuntu, without systemd:",
            "- Podman with runc and no bridge network, serving the Docker API on",
            "  /run/podman/podman.sock (log /var/log/orrery/podman-service.log,",
            "  pid in /run/orrery/podman-service.pid);",
            "- jupyter-nbconvert;",
            "- the local test image " + EngineSetup.TEST_IMAGE + " made from busybox-static (no pulls).",
            "With 'slurm': a single-node Slurm cluster on loopback for trying and testing",
            "the slurm platform (munge, slurmctld, slurmd; everything under",
            "/var/lib/orrery/slurm; clients use SLURM_CONF=/var/lib/orrery/slurm/slurm.conf).",
            "Steps already done are said and skipped. Then prints the 'engines' report.",
            "Exit status: 0 when a container engine answers afterwards; 1 when it",
            "refuses (not root, not Debian or Ubuntu) or a step fails."})
final class EnginesSetupCommand implements Callable<Integer> {
    @Option(names = "--dry-run", description = "only print what it would do (needs no root)")
    boolean dryRun;

    @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "WHAT", defaultValue = "containers",
            description = "containers (the default: Podman, Jupyter, the test image) or slurm")
    String what;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final LongSupplier uid;
    private final Path osRelease;

    EnginesSetupCommand() {
        this(EngineSetup::currentUid, Path.of("/etc/os-release"));
    }

    /** For tests: another user id and os-release file than this machine's. */
    EnginesSetupCommand(LongSupplier uid, Path osRelease) {
        this.uid = uid;
        this.osRelease = osRelease;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long user = uid.getAsLong();
        String refusal = EngineSetup.refusal(dryRun ? 0 : user, EngineSetup.readOsRelease(osRelease));
        if (refusal != null) {
            err.println("orrery engines setup: " + refusal);
            err.flush();
            return 1;
        }
        if (dryRun && user != 0) {
            out.println("dry run as uid " + user + ": a real run needs root");
        }
        EngineSetup.Recipe recipe;
        try {
            recipe = EngineSetup.Recipe.valueOf(what.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("orrery engines setup: nothing called '" + what + "' to set up: containers or slurm");
            err.flush();
            return 2;
        }
        int status;
        try {
            status = EngineSetup.run(recipe, dryRun, line -> {
                out.println(line);
                out.flush();
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("orrery engines setup: interrupted");
            err.flush();
            return 1;
        }
        if (status != 0) {
            err.println("orrery engines setup: a step failed (exit " + status + "); see the lines above");
            err.flush();
            return 1;
        }
        if (dryRun) {
            out.flush();
            return 0;
        }
        if (recipe == EngineSetup.Recipe.SLURM) {
            var slurm = io.orrery.engine.slurm.SlurmStatus.probe(System.getenv(), Duration.ofSeconds(10));
            out.println("slurm: " + (slurm.up() ? "answers (" + slurm.conf() + "): " : "") + slurm.detail());
            out.flush();
            return slurm.up() ? 0 : 1;
        }
        List<EngineSocket> engines = new EngineProbe(System.getenv(), EngineProbe.TIMEOUT).probeAll(List.of());
        out.println();
        EnginesCommand.table(out, engines, Jupyter.probe(System.getenv("PATH"), Duration.ofSeconds(20)), Machine.probe(),
                io.orrery.engine.slurm.SlurmStatus.probe(System.getenv(), Duration.ofSeconds(10)));
        out.flush();
        if (engines.stream().noneMatch(EngineSocket::answers)) {
            err.println("orrery engines setup: done, but no container engine answers; see the table above");
            err.flush();
            return 1;
        }
        return 0;
    }
}
