package io.orrery.workbench.feature;

import java.util.concurrent.ThreadFactory;

/** Threads for background work that do not keep the process alive once the window has gone. */
public final class DaemonThreads {
    private DaemonThreads() {}

    public static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
