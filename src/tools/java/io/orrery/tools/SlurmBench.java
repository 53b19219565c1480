package io.orrery.tools;

import io.orrery.broker.BrokerCore;
import io.orrery.broker.ExternalLoad;
import io.orrery.broker.Links;
import io.orrery.broker.session.ExecutionAdapter;
import io.orrery.broker.session.PhaseDriver;
import io.orrery.broker.session.SessionOutputs;
import io.orrery.broker.session.Work;
import io.orrery.broker.store.SessionStore;
import io.orrery.engine.LocalPlatform;
import io.orrery.engine.RealExecution;
import io.orrery.engine.slurm.SlurmPlatform;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.OfferSet;
import io.orrery.model.Update;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * How long an offer request takes against a real Slurm cluster, and where the time goes: reading the queue and the
 * reservations (squeue, scontrol), planning (the broker core), and holding each offer as a reservation (scontrol
 * create reservation, one per offer). Each request's offers are rejected at once, so every request sees the same
 * idle cluster.
 */
final class SlurmBench {
    private SlurmBench() {
    }

    /** Times what an adapter's holds take, passing everything through. */
    private static final class Timed implements ExecutionAdapter {
        final ExecutionAdapter inner;
        long holdNanos;

        Timed(ExecutionAdapter inner) {
            this.inner = inner;
        }

        @Override
        public void accepted(Work work, PhaseDriver driver) {
            inner.accepted(work, driver);
        }

        @Override
        public void stop(String sessionId) {
            inner.stop(sessionId);
        }

        @Override
        public Optional<String> hold(Work offer) {
            long t = System.nanoTime();
            try {
                return inner.hold(offer);
            } finally {
                holdNanos += System.nanoTime() - t;
            }
        }

        @Override
        public void released(String sessionId) {
            inner.released(sessionId);
        }

        @Override
        public SessionOutputs outputs() {
            return inner.outputs();
        }
    }

    static int run(int requests, PrintWriter out) throws Exception {
        LocalPlatform.Found found = LocalPlatform.Found.probe(System.getenv());
        SlurmPlatform.Opened cluster = SlurmPlatform.open("slurm", System.getenv(), found);
        List<Double> total = new ArrayList<>();
        List<Double> load = new ArrayList<>();
        List<Double> holds = new ArrayList<>();
        int offers = 0;
        try (RealExecution execution = cluster.execution(found, Files.createTempDirectory("orrery-slurm-bench"),
                Clock.systemUTC())) {
            Timed timed = new Timed(execution);
            BrokerCore core = new BrokerCore(cluster.platform(), Clock.systemUTC(), timed, Links.NONE, SessionStore.NONE);
            ExternalLoad real = cluster.load(Clock.systemUTC(), core::exists);
            long[] loadNanos = {0};
            core.externalLoad(() -> {
                long t = System.nanoTime();
                try {
                    return real.snapshot();
                } finally {
                    loadNanos[0] = System.nanoTime() - t;
                }
            });
            String task = "executable:\n  kind: https://www.purl.org/ivoa.net/Calycopis-openapi/schema/v1.0/kinds/"
                    + "executable/docker-container.yaml\n  image: {locations: [\"localhost/orrery-hello:1\"]}\n"
                    + "compute:\n  kind: https://www.purl.org/ivoa.net/Calycopis-openapi/schema/v1.0/kinds/compute/"
                    + "simple-compute-resource.yaml\n  cores: {min: 2, max: 4}\n  memory: {min: 1, max: 1}\n"
                    + "schedule:\n  requested: {duration: PT30M}\n";
            ExecutionRequest request = WireCodec.readAs(task, Format.YAML, ExecutionRequest.class);
            for (int i = 0; i < requests; i++) {
                timed.holdNanos = 0;
                long t = System.nanoTime();
                OfferSet set = core.request(request);
                total.add((System.nanoTime() - t) / 1e6);
                load.add(loadNanos[0] / 1e6);
                holds.add(timed.holdNanos / 1e6);
                if (set.offers() != null) {
                    offers += set.offers().size();
                    set.offers().forEach(o -> core.update(o.meta().uuid(), Update.phase("REJECTED")));
                }
            }
        }
        out.printf("offer requests against the Slurm cluster of %s (%d requests, %.1f offers each):%n",
                SlurmPlatform.conf("slurm", System.getenv()), requests, offers / (double) requests);
        out.printf("  whole request: median %.0f ms, p99 %.0f ms%n", pct(total, 50), pct(total, 99));
        out.printf("  reading the queue and reservations: median %.0f ms%n", pct(load, 50));
        out.printf("  holding the offers as reservations: median %.0f ms%n", pct(holds, 50));
        out.printf("  the rest (planning, writing the offers): median %.0f ms%n",
                pct(total, 50) - pct(load, 50) - pct(holds, 50));
        out.flush();
        return 0;
    }

    private static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
