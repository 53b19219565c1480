package io.orrery.engine.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Await;
import io.orrery.CliRun;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code orrery whatif --platform slurm --load slurm} on the real test cluster with a known queue: the whole node
 * taken by someone else's job until a known time, so the earliest what-if start is when that job's time is up.
 */
class SlurmWhatIfTest {
    @TempDir
    Path dir;
    private SlurmCli cli;

    @AfterEach
    void clean() throws Exception {
        if (cli != null) {
            SlurmBroker.clear(cli);
        }
    }

    @Test
    void theEarliestWhatIfStartIsWhenTheRealQueueFreesTheCores() throws Exception {
        cli = SlurmBroker.requireCluster();
        SlurmBroker.clear(cli);
        String id = cli.ok("sbatch", "--parsable", "--job-name=someone-else", "--ntasks=1", "--cpus-per-task=16",
                "--mem=256M", "--time=10", "--chdir=" + dir, "--wrap=sleep 900").strip();
        Await.until(Duration.ofSeconds(60), () -> {
            try {
                return cli.ok("squeue", "-h", "-j", id, "-o", "%T").strip().equals("RUNNING");
            } catch (java.io.IOException e) {
                return false;
            }
        }, "the node is taken");
        Instant end = SlurmRecords.time(cli.ok("squeue", "-h", "-j", id, "-o", "%e").strip(), ZoneId.systemDefault())
                .orElseThrow();
        CliRun r = CliRun.of("whatif", Path.of("sample-tasks", "21-hello-on-this-machine.yaml").toString(),
                "--platform", SlurmBroker.SPEC, "--load", SlurmBroker.SPEC, "--at", Instant.now().plusSeconds(5).toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode offers = JsonMapper.builder().build().readTree(r.out()).path("offers");
        Instant earliest = null;
        for (JsonNode o : offers) {
            Instant start = Instant.parse(o.path("start").asString());
            earliest = earliest == null || start.isBefore(earliest) ? start : earliest;
        }
        assertTrue(earliest != null && Math.abs(Duration.between(end, earliest).toSeconds()) <= 20,
                "the earliest start is when the job's time is up (" + end + "): " + earliest + "\n" + r.out());
    }
}
