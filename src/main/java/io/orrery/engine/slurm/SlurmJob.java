package io.orrery.engine.slurm;

import io.orrery.broker.session.SessionPlan;
import io.orrery.engine.Job;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One session's Slurm job, in its reservation: prepared (data staged, the job script written), submitted at the
 * offered start ({@code sbatch --reservation --begin}), followed with {@code scontrol show job} until it ends; its
 * standard output and error are the session's logs; cancel is {@code scancel} and the reservation's removal.
 */
final class SlurmJob implements Job {
    private static final Duration POLL = Duration.ofMillis(250);

    private final SlurmEngine engine;
    private final String session;
    private final SessionPlan plan;
    private final JsonNode offer;
    private volatile String jobId;
    private volatile String endState = "";
    private volatile String failedCell;

    private boolean notebook() {
        return offer.path("executable").path("kind").asString("").contains("jupyter-notebook");
    }

    SlurmJob(SlurmEngine engine, String session, SessionPlan plan, JsonNode offer) {
        this.engine = engine;
        this.session = session;
        this.plan = plan;
        this.offer = offer;
    }

    private Path script() throws IOException {
        return engine.files().scratch(session).resolve("job.sh");
    }

    @Override
    public void prepare() throws IOException {
        Map<String, Path> staged = engine.stager().stage(offer, engine.files().scratch(session));
        if (notebook()) {
            String location = offer.path("executable").path("location").asString(null);
            if (location == null || location.isBlank()) {
                throw new IOException("the notebook has no location (executable.location)");
            }
            engine.stager().copy("notebook", location, engine.files().scratch(session).resolve("notebook.ipynb"));
        }
        Files.writeString(script(), "#!/bin/sh\n" + JobScript.command(offer, session, engine.files().outputs(session),
                staged, engine.containers()) + "\n");
    }

    @Override
    public void start() throws IOException {
        long cores = SlurmEngine.cores(offer);
        long memory = offer.path("compute").path("memory").path("min").asLong(1);
        String out = engine.cluster().cli().ok("sbatch", "--parsable", "--job-name=" + SlurmEngine.name(session),
                "--reservation=" + SlurmEngine.name(session), "--partition=" + engine.partition(),
                "--begin=" + engine.time(plan.start()), "--ntasks=1", "--cpus-per-task=" + cores,
                "--mem=" + memory + "G", "--time=" + SlurmEngine.minutes(plan.start(), plan.end()),
                "--output=" + engine.files().log(session, "stdout"), "--error=" + engine.files().log(session, "stderr"),
                "--chdir=" + engine.files().scratch(session), script().toString());
        jobId = out.strip().split(";")[0];
        // the job runs once Slurm starts it in the reservation (within its scheduler's interval)
        while (true) {
            String state = lookup().map(j -> j.getOrDefault("JobState", "")).orElse("");
            if (!state.equals("PENDING") && !state.equals("CONFIGURING")) {
                return;
            }
            sleep();
        }
    }

    @Override
    public long awaitExit() throws IOException, InterruptedException {
        while (true) {
            Optional<Map<String, String>> j = lookup();
            if (j.isEmpty()) {
                throw new IOException("Slurm forgot job " + jobId + " before it was seen to end");
            }
            String state = j.get().getOrDefault("JobState", "");
            if (!List.of("PENDING", "RUNNING", "CONFIGURING", "COMPLETING", "SUSPENDED").contains(state)) {
                endState = state;
                String code = j.get().getOrDefault("ExitCode", "0:0");
                long exit = SlurmRecords.number(code.split(":")[0], -1);
                long signal = SlurmRecords.number(code.contains(":") ? code.split(":")[1] : "0", 0);
                long result = exit != 0 ? exit : signal != 0 ? 128 + signal : state.equals("COMPLETED") ? 0 : 1;
                if (result == 0 && notebook()) {
                    failedCell = io.orrery.engine.NotebookErrors.firstError(
                            engine.files().outputs(session).resolve("executed.ipynb"));
                    return failedCell == null ? 0 : 1;
                }
                return result;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** The job's record ({@code scontrol show job -o}), by id once submitted, else by its name. */
    Optional<Map<String, String>> lookup() throws IOException {
        if (jobId == null) {
            String ids = engine.cluster().cli().ok("squeue", "-h", "-n", SlurmEngine.name(session), "-o", "%i").strip();
            if (ids.isEmpty()) {
                return Optional.empty();
            }
            jobId = ids.lines().findFirst().orElseThrow().strip();
        }
        SlurmCli.Result r = engine.cluster().cli().run("scontrol", "show", "job", "-o", jobId);
        if (!r.ok()) {
            return Optional.empty();
        }
        List<Map<String, String>> records = SlurmRecords.parse(r.out());
        return records.isEmpty() ? Optional.empty() : Optional.of(records.get(0));
    }

    @Override
    public void kill() throws IOException {
        if (jobId != null) {
            engine.cluster().cli().run("scancel", jobId);
        } else {
            engine.cluster().cli().run("scancel", "--name=" + SlurmEngine.name(session));
        }
        engine.deleteReservation(session);
        if (engine.containers() != null) {
            new ProcessBuilder(engine.containers(), "rm", "-f", SlurmEngine.name(session)).start();
        }
    }

    @Override
    public void cleanup() {
        engine.deleteReservation(session);
    }

    @Override
    public String failure(long exitCode) {
        if (failedCell != null) {
            return "a cell failed: " + failedCell;
        }
        return switch (endState) {
            case "TIMEOUT" -> "Slurm stopped the job at its time limit (exit code " + exitCode + ")";
            case "OUT_OF_MEMORY" -> "the job ran out of memory (exit code " + exitCode + ")";
            case "CANCELLED" -> "the job was cancelled in Slurm (scancel)";
            case "NODE_FAIL" -> "the node running the job failed";
            default -> "the job exited with code " + exitCode + (endState.isEmpty() ? "" : " (" + endState + ")");
        };
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
