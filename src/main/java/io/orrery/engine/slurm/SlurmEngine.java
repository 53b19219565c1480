package io.orrery.engine.slurm;

import io.orrery.broker.session.SessionPlan;
import io.orrery.broker.session.Work;
import io.orrery.engine.DataStager;
import io.orrery.engine.Job;
import io.orrery.engine.JobEngine;
import io.orrery.engine.SessionFiles;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Sessions as Slurm jobs. An offer holds its slot as an advance reservation named {@code orrery-SESSION} for its
 * cores from its start for its length (Slurm refuses one that would take cores others hold, so creating it is the
 * atomic test that the slot is really free); an offer that ends unaccepted lets it go. An accepted session runs as
 * a job in its reservation ({@link SlurmJob}): its container through the container engine's command line, or its
 * notebook through nbconvert, inside the job.
 */
public final class SlurmEngine implements JobEngine {
    private static final DateTimeFormatter SLURM_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final SlurmCluster cluster;
    private final String partition;
    private final SessionFiles files;
    private final DataStager stager;
    private final String containers;

    /**
     * @param containers the container engine's command run inside jobs ({@code podman} or {@code docker}), or null
     *     when the nodes have none (container sessions are then refused at offer time by the platform)
     */
    public SlurmEngine(SlurmCluster cluster, String partition, SessionFiles files, DataStager stager, String containers) {
        this.cluster = cluster;
        this.partition = partition;
        this.files = files;
        this.stager = stager;
        this.containers = containers;
    }

    static String name(String session) {
        return SlurmCluster.OURS + session;
    }

    String time(Instant t) {
        return LocalDateTime.ofInstant(t.truncatedTo(ChronoUnit.SECONDS), cluster.zone()).format(SLURM_TIME);
    }

    static long minutes(Instant from, Instant to) {
        return Math.max(1, (Duration.between(from, to).toSeconds() + 59) / 60);
    }

    @Override
    public Optional<String> hold(Work offer) {
        SessionPlan plan = offer.plan();
        long cores = offer.offerTree().path("compute").path("cores").path("min").asLong(1);
        try {
            SlurmCli.Result r = cluster.cli().run("scontrol", "create", "reservation",
                    "reservationname=" + name(plan.sessionId()), "starttime=" + time(plan.start()),
                    "duration=" + minutes(plan.start(), plan.end()), "users=" + user(), "corecnt=" + cores,
                    "partitionname=" + partition);
            return r.ok() ? Optional.empty() : Optional.of("Slurm: " + r.problem());
        } catch (IOException e) {
            return Optional.of("Slurm cannot be asked: " + e.getMessage());
        }
    }

    /** The reservation must still be there (an operator or another program may have deleted it). */
    @Override
    public Optional<String> confirm(Work offer) {
        try {
            SlurmCli.Result r = cluster.cli().run("scontrol", "show", "reservation", name(offer.sessionId()));
            return r.ok() && r.out().contains("ReservationName=" + name(offer.sessionId())) ? Optional.empty()
                    : Optional.of("Slurm has no reservation " + name(offer.sessionId()) + " any more");
        } catch (IOException e) {
            return Optional.of("Slurm cannot be asked: " + e.getMessage());
        }
    }

    @Override
    public void released(String sessionId) {
        deleteReservation(sessionId);
    }

    void deleteReservation(String sessionId) {
        try {
            cluster.cli().run("scontrol", "delete", "reservationname=" + name(sessionId));
        } catch (IOException e) {
            // it ends on its own at its end time
        }
    }

    static String user() {
        String u = System.getProperty("user.name");
        return u == null || u.isBlank() ? "root" : u;
    }

    @Override
    public Job job(Work work) {
        return new SlurmJob(this, work.sessionId(), work.plan(), work.offerTree());
    }

    @Override
    public Job.Found find(Job job) throws IOException {
        SlurmJob j = (SlurmJob) job;
        Optional<Map<String, String>> found = j.lookup();
        if (found.isEmpty()) {
            return Job.Found.NOTHING;
        }
        String state = found.get().getOrDefault("JobState", "");
        return switch (state) {
            case "PENDING", "RUNNING", "CONFIGURING", "COMPLETING", "SUSPENDED" -> Job.Found.RUNNING;
            default -> Job.Found.EXITED;
        };
    }

    /** Jobs and reservations are named by session only: two brokers may share a cluster, so none is swept. */
    @Override
    public void sweep(Set<String> owned) {
        // see above
    }

    SlurmCluster cluster() {
        return cluster;
    }

    String partition() {
        return partition;
    }

    SessionFiles files() {
        return files;
    }

    DataStager stager() {
        return stager;
    }

    String containers() {
        return containers;
    }

    /** The cores a session's offer gives it. */
    static long cores(JsonNode offer) {
        return offer.path("compute").path("cores").path("min").asLong(1);
    }
}
