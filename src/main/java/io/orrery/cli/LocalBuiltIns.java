package io.orrery.cli;

import io.orrery.broker.platform.Platform;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.client.LocalBroker;
import io.orrery.engine.LocalPlatform;
import io.orrery.engine.RealExecution;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The built-in brokers of the window and the command line: {@code local}, this machine, running sessions for real
 * on its engine and Jupyter (on real time, its session files beside its database), then the simulated ones. The
 * machine is probed when the local broker is first used, and its adapter is made once, so that a broker reopened
 * (after the offline clock is reset) keeps following the work already running.
 */
public final class LocalBuiltIns implements LocalBroker.Opener {
    private final Supplier<LocalPlatform.Found> probe;
    private RealExecution execution;

    public LocalBuiltIns() {
        this(Memo.of(() -> LocalPlatform.Found.probe(System.getenv())));
    }

    /** With a given view of the machine (for tests). */
    public LocalBuiltIns(Supplier<LocalPlatform.Found> probe) {
        this.probe = probe;
    }

    @Override
    public List<String> names() {
        List<String> out = new ArrayList<>();
        out.add(LocalPlatform.NAME);
        out.addAll(PlatformCatalog.BUILT_IN);
        return out;
    }

    @Override
    public Platform platform(String name) {
        return LocalPlatform.NAME.equals(name) ? LocalPlatform.platform(probe.get()) : PlatformCatalog.load(name);
    }

    @Override
    public boolean realTime(String platformName) {
        return LocalPlatform.NAME.equals(platformName);
    }

    @Override
    public LocalBroker open(String name, Platform platform, Clock clock, Path dir) {
        if (!LocalPlatform.NAME.equals(platform.name())) {
            return LocalBroker.offline(name, platform, clock, dir);
        }
        return LocalBroker.offline(name, platform, Clock.systemUTC(), dir, execution(dir.resolve("sessions")));
    }

    private synchronized RealExecution execution(Path sessions) {
        if (execution == null) {
            execution = LocalPlatform.execution(probe.get(), sessions, Clock.systemUTC());
        }
        return execution;
    }
}
