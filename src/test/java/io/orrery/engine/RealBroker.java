package io.orrery.engine;

import io.orrery.broker.BrokerCore;
import io.orrery.broker.Links;
import io.orrery.broker.platform.Platform;
import io.orrery.broker.store.SessionStore;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.OfferSet;
import io.orrery.model.PhaseChange;
import io.orrery.model.SessionPhase;
import io.orrery.model.Update;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A broker of ours on the local platform, running sessions for real on this machine's engine (for tests). */
final class RealBroker implements AutoCloseable {
    static final String IMAGE = "localhost/" + EngineSetup.TEST_IMAGE;
    static final String CONTAINER_KIND =
            "https://www.purl.org/ivoa.net/Calycopis-openapi/schema/v1.0/kinds/executable/docker-container.yaml";

    final LocalPlatform.Found found;
    final RealExecution execution;
    final BrokerCore core;

    RealBroker(LocalPlatform.Found found, Path files, SessionStore store) {
        this.found = found;
        Platform platform = LocalPlatform.platform(found);
        this.execution = LocalPlatform.execution(found, files, Clock.systemUTC());
        this.core = new BrokerCore(platform, Clock.systemUTC(), execution, Links.NONE, store);
    }

    private static volatile Optional<LocalPlatform.Found> probed;

    /**
     * This machine as found (probed once per test run, patiently, since a busy engine can be slow to answer);
     * empty when it has no container engine that answers.
     */
    static synchronized Optional<LocalPlatform.Found> probe() {
        if (probed == null) {
            LocalPlatform.Found f = LocalPlatform.Found.probe(System.getenv(), Duration.ofSeconds(15));
            probed = f.engine().isPresent() ? Optional.of(f) : Optional.empty();
        }
        return probed;
    }

    /** Skips the test, saying why, when there is no engine; fails it instead where engines are required (CI). */
    static LocalPlatform.Found requireEngine() {
        Optional<LocalPlatform.Found> f = probe();
        require(f.isPresent(), "no container engine answers on this machine (CI installs one with 'orrery engines"
                + " setup')");
        return f.get();
    }

    /** Skips the test, saying why, unless found; fails it instead where engines are required (CI). */
    static void require(boolean found, String why) {
        if (!found && "1".equals(System.getenv("ORRERY_REQUIRE_ENGINES"))) {
            throw new AssertionError(why + ", and ORRERY_REQUIRE_ENGINES=1 says it must be there");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(found, why);
    }

    /** A container request running `sh -c script` for at most the duration, with 1 core and 1 GiB. */
    static String container(String script, Duration duration, String extra) {
        return "executable:\n  kind: " + CONTAINER_KIND + "\n  meta: {name: test}\n  image:\n    locations: [\"" + IMAGE
                + "\"]\n  command: [\"sh\", \"-c\", " + quote(script) + "]\n"
                + "compute:\n  kind: https://www.purl.org/ivoa.net/Calycopis-openapi/schema/v1.0/kinds/compute/"
                + "simple-compute-resource.yaml\n  meta: {name: c}\n  cores: {min: 1, max: 1}\n  memory: {min: 1, max: 1}\n"
                + "schedule:\n  requested:\n    duration: " + duration + "\n" + extra;
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    OfferSet ask(String yaml) {
        return core.request(WireCodec.readAs(yaml, Format.YAML, ExecutionRequest.class));
    }

    /** Asks and accepts the first offer; returns the session's uuid. */
    String run(String yaml) {
        OfferSet set = ask(yaml);
        if (set.offers() == null || set.offers().isEmpty()) {
            throw new AssertionError("no offer: " + WireCodec.write(set, Format.YAML));
        }
        String id = set.offers().get(0).meta().uuid();
        core.update(id, Update.phase("ACCEPTED"));
        return id;
    }

    void cancel(String id) {
        core.update(id, Update.phase("CANCELLED"));
    }

    SessionPhase phase(String id) {
        core.catchUp();
        return SessionPhase.valueOf(core.session(id).orElseThrow().phase());
    }

    List<PhaseChange> history(String id) {
        return core.history(id);
    }

    String output(String id, String name) throws IOException {
        try (InputStream in = core.openOutput(id, name, 0)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Lets the sessions under way finish their release (so no test leaves a container behind), then stops. */
    @Override
    public void close() {
        io.orrery.Await.until(Duration.ofSeconds(20), () -> execution.running() == 0,
                "the sessions under way are released before the broker stops");
        execution.close();
    }

    /** Stops at once, as a broker that crashes: the work goes on in the engine. */
    void crash() {
        execution.close();
    }
}
