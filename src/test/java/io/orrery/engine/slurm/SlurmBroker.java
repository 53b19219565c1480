package io.orrery.engine.slurm;

import io.orrery.broker.BrokerCore;
import io.orrery.broker.Links;
import io.orrery.broker.platform.Platform;
import io.orrery.broker.store.SessionStore;
import io.orrery.engine.LocalPlatform;
import io.orrery.engine.RealExecution;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.ExecutionSession;
import io.orrery.model.OfferSet;
import io.orrery.model.SessionPhase;
import io.orrery.model.Update;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A broker of ours on the real test cluster ('orrery engines setup slurm'), for tests. */
final class SlurmBroker implements AutoCloseable {
    static final String CONTAINER_KIND =
            "https://www.purl.org/ivoa.net/Calycopis-openapi/schema/v1.0/kinds/executable/docker-container.yaml";
    private static LocalPlatform.Found machine;
    /** Only ever the project's own test cluster ('orrery engines setup slurm'), never the one SLURM_CONF names. */
    static final String SPEC = SlurmPlatform.NAME + ":" + SlurmPlatform.SETUP_CONF;

    final SlurmPlatform.Opened opened;
    final RealExecution execution;
    final BrokerCore core;

    SlurmBroker(Path files, Duration offerLifetime) {
        this(files, offerLifetime, SessionStore.NONE);
    }

    SlurmBroker(Path files, Duration offerLifetime, SessionStore store) {
        opened = SlurmPlatform.open(SPEC, System.getenv(), machine());
        Platform p = opened.platform();
        if (offerLifetime != null) {
            Platform.OfferPolicy o = p.offers();
            p = p.withOffers(new Platform.OfferPolicy(o.alternatives(), offerLifetime, o.granularity(), o.style()));
        }
        execution = opened.execution(machine(), files, Clock.systemUTC());
        core = new BrokerCore(p, Clock.systemUTC(), execution, Links.NONE, store);
        core.externalLoad(opened.load(Clock.systemUTC(), core::exists));
    }

    static synchronized LocalPlatform.Found machine() {
        if (machine == null) {
            machine = LocalPlatform.Found.probe(System.getenv(), Duration.ofSeconds(15));
        }
        return machine;
    }

    /** The cluster's commands; skips (or fails where ORRERY_REQUIRE_ENGINES=1) without a running test cluster. */
    static SlurmCli requireCluster() {
        Path conf = SlurmPlatform.SETUP_CONF;
        String why = "no Slurm cluster answers (CI starts one with 'orrery engines setup slurm'; looked at " + conf + ")";
        boolean up = false;
        SlurmCli cli = new SlurmCli(conf, Duration.ofSeconds(20));
        if (Files.isRegularFile(conf)) {
            try {
                up = cli.run("sinfo", "-h", "-o", "%T").ok();
            } catch (IOException e) {
                up = false;
            }
        }
        if (!up && "1".equals(System.getenv("ORRERY_REQUIRE_ENGINES"))) {
            throw new AssertionError(why + ", and ORRERY_REQUIRE_ENGINES=1 says one must");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(up, why);
        return cli;
    }

    /** Cancels the jobs and deletes the reservations tests make (named orrery-... or someone-else), and no others. */
    static void clear(SlurmCli cli) throws IOException {
        for (String line : cli.ok("squeue", "-h", "-o", "%i %j").strip().lines().toList()) {
            String[] idName = line.strip().split("\\s+", 2);
            if (idName.length == 2 && (idName[1].startsWith(SlurmCluster.OURS) || idName[1].equals("someone-else"))) {
                cli.run("scancel", idName[0]);
            }
        }
        for (Map<String, String> r : new SlurmCluster(cli, java.time.ZoneId.systemDefault()).reservations()) {
            if (r.getOrDefault("ReservationName", "").startsWith(SlurmCluster.OURS)) {
                cli.run("scontrol", "delete", "reservationname=" + r.get("ReservationName"));
            }
        }
    }

    static String container(String script, int cores, Duration duration) {
        return "executable:\n  kind: " + CONTAINER_KIND + "\n  meta: {name: t}\n  image:\n    locations: [\"localhost/"
                + io.orrery.engine.EngineSetup.TEST_IMAGE + "\"]\n  command: [\"sh\", \"-c\", \"" + script + "\"]\n"
                + "compute:\n  kind: https://www.purl.org/ivoa.net/Calycopis-openapi/schema/v1.0/kinds/compute/"
                + "simple-compute-resource.yaml\n  meta: {name: c}\n  cores: {min: " + cores + ", max: " + cores + "}\n"
                + "  memory: {min: 1, max: 1}\nschedule:\n  requested:\n    duration: " + duration + "\n";
    }

    OfferSet ask(String yaml) {
        return core.request(WireCodec.readAs(yaml, Format.YAML, ExecutionRequest.class));
    }

    static Instant start(ExecutionSession offer) {
        return Instant.parse(offer.schedule().available().start().split("/")[0]);
    }

    void update(String id, String phase) {
        core.update(id, Update.phase(phase));
    }

    SessionPhase phase(String id) {
        core.catchUp();
        return SessionPhase.valueOf(core.session(id).orElseThrow().phase());
    }

    Optional<Map<String, String>> reservation(String id) throws IOException {
        return new SlurmCluster(opened.cluster().cli(), java.time.ZoneId.systemDefault()).reservations().stream()
                .filter(r -> ("orrery-" + id).equals(r.get("ReservationName"))).findFirst();
    }

    List<Map<String, String>> jobs(String name) throws IOException {
        String ids = opened.cluster().cli().ok("squeue", "-h", "-t", "all", "-n", name, "-o", "%i").strip();
        List<Map<String, String>> out = new java.util.ArrayList<>();
        for (String id : ids.isEmpty() ? List.<String>of() : ids.lines().toList()) {
            out.addAll(SlurmRecords.parse(opened.cluster().cli().ok("scontrol", "show", "job", "-o", id.strip())));
        }
        return out;
    }

    @Override
    public void close() {
        execution.close();
    }
}
