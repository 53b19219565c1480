package io.orrery.engine.slurm;

import io.orrery.broker.ExternalLoad;
import io.orrery.broker.platform.PlatformException;
import io.orrery.broker.whatif.Load;
import io.orrery.broker.whatif.TraceJob;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A what-if load read from a real Slurm cluster's queue ({@code --load slurm[:CONF]}): its running jobs until their
 * time limits, its pending jobs at their planned starts and its reservations, each at its own time, so that "what if
 * I asked for 64 cores tomorrow?" is answered against today's real queue.
 */
public final class SlurmLoad implements Load {
    private final List<ExternalLoad.Booking> snapshot;
    private final Instant taken;
    private final Path conf;

    SlurmLoad(List<ExternalLoad.Booking> snapshot, Instant taken, Path conf) {
        this.snapshot = List.copyOf(snapshot);
        this.taken = taken;
        this.conf = conf;
    }

    /** Reads the queue now; a {@link PlatformException} saying why when the cluster cannot be read. */
    public static SlurmLoad snapshot(String spec, Map<String, String> env) {
        Path conf = SlurmPlatform.conf(spec, env);
        Instant now = Instant.now();
        try {
            return new SlurmLoad(new SlurmCluster(new SlurmCli(conf, Duration.ofSeconds(20)), ZoneId.systemDefault())
                    .load(now, session -> false), now, conf);
        } catch (IOException e) {
            throw new PlatformException("the Slurm queue of " + conf + " cannot be read: " + e.getMessage());
        }
    }

    /**
     * The queue read when it is first needed (when a what-if scenario is built, off the window's thread); a cluster
     * that cannot be read then fails the build with the reason.
     */
    public static Load lazy(String spec, Map<String, String> env) {
        return new Load() {
            private SlurmLoad read;

            private synchronized SlurmLoad read() {
                if (read == null) {
                    read = snapshot(spec, env);
                }
                return read;
            }

            @Override
            public List<TraceJob> jobs(Duration span) {
                return read().jobs(span);
            }

            @Override
            public List<TraceJob> jobs(Duration span, Instant origin) {
                return read().jobs(span, origin);
            }

            @Override
            public boolean exact() {
                return true;
            }

            @Override
            public String describe() {
                return read().describe();
            }
        };
    }

    @Override
    public List<TraceJob> jobs(Duration span) {
        return jobs(span, taken.minus(span));
    }

    @Override
    public List<TraceJob> jobs(Duration span, Instant origin) {
        List<TraceJob> out = new ArrayList<>();
        long id = 0;
        for (ExternalLoad.Booking b : snapshot) {
            Instant from = b.start().isBefore(origin) ? origin : b.start();
            long runtime = Duration.between(from, b.end()).toSeconds();
            if (runtime > 0) {
                out.add(new TraceJob(id++, Duration.between(origin, from).toSeconds(), runtime, b.cores(),
                        b.memoryGiB()));
            }
        }
        out.sort(java.util.Comparator.comparingLong(TraceJob::submit));
        return out;
    }

    /** The queue's jobs are where Slurm has them, to the second. */
    @Override
    public boolean exact() {
        return true;
    }

    @Override
    public String describe() {
        return "the Slurm queue of " + conf + " at " + taken.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " ("
                + snapshot.size() + " jobs and reservations)";
    }
}
