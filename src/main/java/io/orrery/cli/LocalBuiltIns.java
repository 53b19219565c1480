package io.orrery.cli;

import io.orrery.broker.platform.Platform;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.client.LocalBroker;
import io.orrery.engine.LocalPlatform;
import io.orrery.engine.RealExecution;
import io.orrery.engine.slurm.SlurmPlatform;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The built-in brokers of the window and the command line: {@code local}, this machine, running sessions for real
 * on its engine and Jupyter (on real time, its session files beside its database); {@code slurm} where a Slurm
 * cluster is configured (offers held as reservations, sessions run as jobs); then the simulated ones. The
 * machine is probed when the local broker is first used, and its adapter is made once, so that a broker reopened
 * (after the offline clock is reset) keeps following the work already running.
 */
public final class LocalBuiltIns implements LocalBroker.Opener {
    private final Supplier<LocalPlatform.Found> probe;
    private RealExecution execution;
    private SlurmPlatform.Opened slurm;
    private RealExecution slurmExecution;

    public LocalBuiltIns() {
        this(Memo.of(() -> LocalPlatform.Found.probe(System.getenv())));
    }

    /** With a given view of the machine (for tests). */
    public LocalBuiltIns(Supplier<LocalPlatform.Found> probe) {
        this.probe = probe;
    }

    /** {@code local}, {@code slurm} where a cluster is configured (it is read when first used), then the rest. */
    @Override
    public List<String> names() {
        List<String> out = new ArrayList<>();
        out.add(LocalPlatform.NAME);
        if (java.nio.file.Files.isRegularFile(SlurmPlatform.conf(SlurmPlatform.NAME, System.getenv()))) {
            out.add(SlurmPlatform.NAME);
        }
        out.addAll(PlatformCatalog.BUILT_IN);
        return out;
    }

    @Override
    public Platform platform(String name) {
        if (SlurmPlatform.NAME.equals(name)) {
            return slurm().platform();
        }
        return LocalPlatform.NAME.equals(name) ? LocalPlatform.platform(probe.get()) : PlatformCatalog.load(name);
    }

    private synchronized SlurmPlatform.Opened slurm() {
        if (slurm == null) {
            slurm = SlurmPlatform.open(SlurmPlatform.NAME, System.getenv(), probe.get());
        }
        return slurm;
    }

    @Override
    public boolean realTime(String platformName) {
        return LocalPlatform.NAME.equals(platformName) || SlurmPlatform.NAME.equals(platformName);
    }

    @Override
    public LocalBroker open(String name, Platform platform, Clock clock, Path dir) {
        if (SlurmPlatform.NAME.equals(platform.name())) {
            LocalBroker b = LocalBroker.offline(name, platform, Clock.systemUTC(), dir, slurmExecution(dir.resolve("sessions")));
            b.externalLoad(slurm().load(Clock.systemUTC(), b::knows));
            return b;
        }
        if (!LocalPlatform.NAME.equals(platform.name())) {
            return LocalBroker.offline(name, platform, clock, dir);
        }
        return LocalBroker.offline(name, platform, Clock.systemUTC(), dir, execution(dir.resolve("sessions")));
    }

    private synchronized RealExecution slurmExecution(Path sessions) {
        if (slurmExecution == null) {
            slurmExecution = slurm().execution(probe.get(), sessions, Clock.systemUTC());
        }
        return slurmExecution;
    }

    private synchronized RealExecution execution(Path sessions) {
        if (execution == null) {
            execution = LocalPlatform.execution(probe.get(), sessions, Clock.systemUTC());
        }
        return execution;
    }
}
