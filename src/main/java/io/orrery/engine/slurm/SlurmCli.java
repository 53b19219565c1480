package io.orrery.engine.slurm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Slurm's own commands ({@code sinfo}, {@code squeue}, {@code scontrol}, {@code sbatch}, {@code scancel}), run
 * against one cluster's configuration ({@code SLURM_CONF}) within a deadline. The command line rather than
 * slurmrestd: the REST API of Slurm 22.05 can neither test a start time nor create a reservation.
 */
public final class SlurmCli {
    /** What a command said. */
    public record Result(int exit, String out, String err) {
        public boolean ok() {
            return exit == 0;
        }

        /** The first line that says what went wrong, for a reason. */
        public String problem() {
            String text = (err.isBlank() ? out : err).strip();
            return text.isEmpty() ? "exit code " + exit : text.lines().findFirst().orElse(text);
        }
    }

    private final Path conf;
    private final Duration timeout;

    public SlurmCli(Path conf, Duration timeout) {
        this.conf = conf;
        this.timeout = timeout;
    }

    public Path conf() {
        return conf;
    }

    public Result run(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("SLURM_CONF", conf.toString());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException(args[0] + " cannot be run (is slurm-client installed?): " + e.getMessage(), e);
        }
        p.getOutputStream().close();
        CompletableFuture<String> out = read(p.getInputStream());
        CompletableFuture<String> err = read(p.getErrorStream());
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException(args[0] + " gave no answer within " + timeout.toSeconds() + " s");
            }
            return new Result(p.exitValue(), out.get(), err.get());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(args[0] + " interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(args[0] + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Runs a command that must succeed; its standard output, or an IOException with what it said. */
    public String ok(String... args) throws IOException {
        Result r = run(args);
        if (!r.ok()) {
            throw new IOException(String.join(" ", List.of(args).subList(0, Math.min(2, args.length))) + ": "
                    + r.problem());
        }
        return r.out();
    }

    private static CompletableFuture<String> read(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readNBytes(4 << 20), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
