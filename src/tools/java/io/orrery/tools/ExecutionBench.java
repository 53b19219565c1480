package io.orrery.tools;

import io.orrery.broker.BrokerCore;
import io.orrery.broker.Links;
import io.orrery.broker.platform.Platform;
import io.orrery.broker.store.SessionStore;
import io.orrery.engine.LocalPlatform;
import io.orrery.engine.RealExecution;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.ExecutionSession;
import io.orrery.model.OfferSet;
import io.orrery.model.PhaseChange;
import io.orrery.model.SessionPhase;
import io.orrery.model.Update;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/**
 * What Orrery adds around a container it runs on this machine's engine: from the accept to the moment the engine
 * says the container started (preparation: image check, create, start), and from the moment the engine says it
 * finished to COMPLETED (logs collected, container and scratch removed). Each session runs {@code true}, accepted
 * once its offered start has passed, so that nothing waits for the schedule.
 */
final class ExecutionBench {
    private ExecutionBench() {
    }

    static int run(int sessions, PrintWriter out) throws Exception {
        LocalPlatform.Found found = LocalPlatform.Found.probe(System.getenv());
        if (found.engine().isEmpty()) {
            out.println("bench --execution: " + LocalPlatform.NO_ENGINE);
            return 1;
        }
        Path root = Files.createTempDirectory("orrery-bench-sessions");
        Platform platform = LocalPlatform.platform(found);
        List<Long> toStart = new ArrayList<>();
        List<Long> toCompleted = new ArrayList<>();
        try (RealExecution execution = LocalPlatform.execution(found, root, Clock.systemUTC())) {
            BrokerCore core = new BrokerCore(platform, Clock.systemUTC(), execution, Links.NONE, SessionStore.NONE);
            for (int i = 0; i < sessions; i++) {
                OfferSet set = core.request(WireCodec.readAs(request(), Format.YAML, ExecutionRequest.class));
                ExecutionSession offer = set.offers().get(0);
                Instant start = Instant.parse(offer.schedule().available().start().split("/")[0]);
                long wait = Duration.between(Instant.now(), start).toMillis() + 50;
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                String id = offer.meta().uuid();
                core.update(id, Update.phase("ACCEPTED"));
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (!terminal(core, id)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("session " + id + " did not end within 60 s");
                    }
                    Thread.sleep(5);
                }
                List<PhaseChange> h = core.history(id);
                Properties timing = new Properties();
                try (var in = Files.newBufferedReader(root.resolve(id).resolve("timing"))) {
                    timing.load(in);
                }
                Instant accepted = at(h, SessionPhase.ACCEPTED);
                Instant completed = at(h, SessionPhase.COMPLETED);
                toStart.add(Duration.between(accepted, engineTime(timing.getProperty("started"))).toMillis());
                toCompleted.add(Duration.between(engineTime(timing.getProperty("finished")), completed).toMillis());
            }
        }
        out.printf("real execution on %s, %d sessions of 'true':%n", found.engine().get().engine() + " "
                + found.engine().get().version(), sessions);
        out.printf("  accept -> container started (engine's StartedAt): median %d ms, max %d ms%n", median(toStart),
                Collections.max(toStart));
        out.printf("  container finished (engine's FinishedAt) -> COMPLETED: median %d ms, max %d ms%n",
                median(toCompleted), Collections.max(toCompleted));
        out.flush();
        return 0;
    }

    private static boolean terminal(BrokerCore core, String id) {
        core.catchUp();
        return SessionPhase.valueOf(core.session(id).orElseThrow().phase()).isTerminal();
    }

    private static Instant at(List<PhaseChange> history, SessionPhase phase) {
        return history.stream().filter(c -> c.phase() == phase).findFirst()
                .orElseThrow(() -> new IllegalStateException("never " + phase + ": " + history)).at();
    }

    private static Instant engineTime(String text) {
        return OffsetDateTime.parse(text.strip().replace(' ', 'T')).toInstant();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String request() {
        return "executable:\n  kind: https://www.purl.org/ivoa.net/Calycopis-openapi/schema/v1.0/kinds/executable/"
                + "docker-container.yaml\n  meta: {name: bench}\n  image: {locations: [\"localhost/orrery-hello:1\"]}\n"
                + "  command: [\"true\"]\ncompute:\n  kind: https://www.purl.org/ivoa.net/Calycopis-openapi/schema/v1.0/"
                + "kinds/compute/simple-compute-resource.yaml\n  meta: {name: c}\n  cores: {min: 1, max: 1}\n"
                + "  memory: {min: 1, max: 1}\nschedule:\n  requested: {duration: PT5M}\n";
    }
}
