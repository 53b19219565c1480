package io.orrery.engine.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Await;
import io.orrery.model.ExecutionSession;
import io.orrery.model.OfferSet;
import io.orrery.model.SessionPhase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker of ours in front of the real single-node test cluster (16 cores, set up by 'orrery engines setup
 * slurm'): offers planned around the real queue and held as reservations, sessions run as jobs inside them.
 */
class SlurmBrokerTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path dir;
    private SlurmCli cli;

    @BeforeEach
    void cluster() throws Exception {
        cli = SlurmBroker.requireCluster();
        SlurmBroker.clear(cli);
    }

    @AfterEach
    void clean() throws Exception {
        if (cli != null) {
            SlurmBroker.clear(cli);
        }
    }

    /** Fills cores with a job of someone else's for its time limit; returns its planned end. */
    private Instant fill(int cores, int minutes) throws Exception {
        Files.createDirectories(dir.resolve("fill"));
        String id = cli.ok("sbatch", "--parsable", "--job-name=someone-else", "--ntasks=1", "--cpus-per-task=" + cores,
                "--mem=256M", "--time=" + minutes, "--chdir=" + dir.resolve("fill"), "--wrap=sleep 900").strip();
        Await.until(PATIENCE, () -> {
            try {
                return cli.ok("squeue", "-h", "-j", id, "-o", "%T").strip().equals("RUNNING");
            } catch (java.io.IOException e) {
                return false;
            }
        }, "someone else's job runs");
        String end = cli.ok("squeue", "-h", "-j", id, "-o", "%e").strip();
        return SlurmRecords.time(end, java.time.ZoneId.systemDefault()).orElseThrow();
    }

    private static ExecutionSession earliest(OfferSet set) {
        assertEquals("YES", set.result(), String.valueOf(set.meta()));
        return set.offers().stream().min(java.util.Comparator.comparing(SlurmBroker::start)).orElseThrow();
    }

    @Test
    void onAnIdleClusterAnOfferStartsNowAndIsHeldAsAReservationUntilRejected() throws Exception {
        try (SlurmBroker b = new SlurmBroker(dir.resolve("s"), null)) {
            ExecutionSession offer = earliest(b.ask(SlurmBroker.container("true", 4, Duration.ofMinutes(10))));
            Duration wait = Duration.between(Instant.now(), SlurmBroker.start(offer));
            assertTrue(wait.compareTo(Duration.ofSeconds(30)) < 0, "starts now: in " + wait);
            Map<String, String> held = b.reservation(offer.meta().uuid()).orElseThrow();
            assertEquals("4", held.get("CoreCnt"));
            assertEquals("00:10:00", held.get("Duration"));
            b.update(offer.meta().uuid(), "REJECTED");
            assertTrue(b.reservation(offer.meta().uuid()).isEmpty(), "a rejected offer's reservation is gone");
        }
    }

    @Test
    void offersStartWhereTheQueueFreesTheCores() throws Exception {
        Instant firstEnd = fill(8, 5);
        Instant secondEnd = fill(8, 10);
        try (SlurmBroker b = new SlurmBroker(dir.resolve("s"), null)) {
            OfferSet eights = b.ask(SlurmBroker.container("true", 8, Duration.ofMinutes(10)));
            Instant eight = SlurmBroker.start(earliest(eights));
            assertTrue(Math.abs(Duration.between(firstEnd, eight).toSeconds()) <= 20,
                    "8 cores when the first job's time is up (" + firstEnd + "): " + eight);
            eights.offers().forEach(o -> b.update(o.meta().uuid(), "REJECTED"));
            Instant sixteen = SlurmBroker.start(earliest(b.ask(SlurmBroker.container("true", 16,
                    Duration.ofMinutes(10)))));
            assertTrue(Math.abs(Duration.between(secondEnd, sixteen).toSeconds()) <= 20,
                    "16 cores when the second job's time is up too (" + secondEnd + "): " + sixteen);
        }
    }

    @Test
    void anExpiredOffersReservationIsGone() throws Exception {
        try (SlurmBroker b = new SlurmBroker(dir.resolve("s"), Duration.ofSeconds(2))) {
            ExecutionSession offer = earliest(b.ask(SlurmBroker.container("true", 2, Duration.ofMinutes(5))));
            assertTrue(b.reservation(offer.meta().uuid()).isPresent());
            Await.until(PATIENCE, () -> b.phase(offer.meta().uuid()) == SessionPhase.EXPIRED, "the offer expires");
            assertTrue(b.reservation(offer.meta().uuid()).isEmpty());
        }
    }

    @Test
    void anAcceptedSessionRunsAsAJobInItsReservationToCompleted() throws Exception {
        SlurmBroker.machine().engine().orElseThrow(() -> new org.opentest4j.TestAbortedException(
                "no container engine on this machine for the job to run a container with"));
        try (SlurmBroker b = new SlurmBroker(dir.resolve("s"), null)) {
            String id = earliest(b.ask(SlurmBroker.container("echo hello from a slurm job; sleep 3", 2,
                    Duration.ofMinutes(5)))).meta().uuid();
            b.update(id, "ACCEPTED");
            Await.until(PATIENCE, () -> b.phase(id) == SessionPhase.RUNNING, "running: " + b.core.history(id));
            List<Map<String, String>> running = b.jobs("orrery-" + id);
            assertEquals(1, running.size());
            assertEquals("orrery-" + id, running.get(0).get("Reservation"), "the job runs in the offer's reservation");
            Await.until(PATIENCE, () -> b.phase(id) == SessionPhase.COMPLETED, "completed: " + b.core.history(id));
            assertEquals("COMPLETED", b.jobs("orrery-" + id).get(0).get("JobState"));
            assertTrue(new String(b.core.openOutput(id, "stdout", 0).readAllBytes()).contains("hello from a slurm job"));
            assertTrue(b.reservation(id).isEmpty(), "the reservation is let go once the session ends");
        }
    }

    @Test
    void cancelReachesCancelledInSlurm() throws Exception {
        SlurmBroker.machine().engine().orElseThrow(() -> new org.opentest4j.TestAbortedException(
                "no container engine on this machine for the job to run a container with"));
        try (SlurmBroker b = new SlurmBroker(dir.resolve("s"), null)) {
            String id = earliest(b.ask(SlurmBroker.container("sleep 300", 2, Duration.ofMinutes(10)))).meta().uuid();
            b.update(id, "ACCEPTED");
            Await.until(PATIENCE, () -> b.phase(id) == SessionPhase.RUNNING, "running: " + b.core.history(id));
            b.update(id, "CANCELLED");
            Await.until(Duration.ofSeconds(30), () -> {
                try {
                    return b.jobs("orrery-" + id).stream().allMatch(j -> "CANCELLED".equals(j.get("JobState")));
                } catch (java.io.IOException e) {
                    return false;
                }
            }, "the job is CANCELLED in Slurm");
            assertTrue(b.reservation(id).isEmpty());
        }
    }

    @Test
    void twoBrokersOnOneClusterNeverHoldTheSameCores() throws Exception {
        try (SlurmBroker one = new SlurmBroker(dir.resolve("one"), null);
                SlurmBroker two = new SlurmBroker(dir.resolve("two"), null)) {
            String task = SlurmBroker.container("true", 16, Duration.ofMinutes(10));
            var asked = List.of(one, two).parallelStream().map(b -> b.ask(task)).toList();
            List<ExecutionSession> held = new java.util.ArrayList<>();
            asked.forEach(set -> {
                if (set.offers() != null) {
                    held.addAll(set.offers());
                }
            });
            for (ExecutionSession a : held) {
                for (ExecutionSession c : held) {
                    if (a != c) {
                        Instant aEnd = SlurmBroker.start(a).plus(Duration.ofMinutes(10));
                        Instant cEnd = SlurmBroker.start(c).plus(Duration.ofMinutes(10));
                        assertFalse(SlurmBroker.start(a).isBefore(cEnd) && SlurmBroker.start(c).isBefore(aEnd),
                                "two offers hold all 16 cores at once: " + SlurmBroker.start(a) + " and "
                                        + SlurmBroker.start(c));
                    }
                }
            }
            assertFalse(held.isEmpty());
        }
    }

    @Test
    void anOfferWhoseReservationIsGoneIsRefusedAtAcceptWith409AndItsReason() throws Exception {
        try (SlurmBroker b = new SlurmBroker(dir.resolve("s"), null)) {
            String id = earliest(b.ask(SlurmBroker.container("true", 4, Duration.ofMinutes(10)))).meta().uuid();
            cli.ok("scontrol", "delete", "reservationname=orrery-" + id);
            var refused = org.junit.jupiter.api.Assertions.assertThrows(
                    io.orrery.broker.session.UpdateRefusedException.class, () -> b.update(id, "ACCEPTED"));
            assertTrue(refused.getMessage().contains("Slurm has no reservation orrery-" + id), refused.getMessage());
            assertEquals(SessionPhase.CANCELLED, b.phase(id));
        }
    }
}
