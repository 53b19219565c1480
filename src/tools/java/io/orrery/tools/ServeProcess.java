package io.orrery.tools;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code orrery serve} as a separate process on a free loopback port, with the JVM options {@code ./orrery serve}
 * uses, in memory or with a throw-away {@code --data} folder; ready once GET / answers. Closing stops it and removes
 * the folder. {@code -Dorrery.serve.jvm="..."} adds JVM options (e.g. a flight recording) to the broker's.
 */
final class ServeProcess implements AutoCloseable {
    /**
     * JVM options for a broker process: the very ones {@code ./orrery serve} uses, read from the launcher's
     * {@code serve_vm_opts} line, so there is one place for them (a small heap sized from the broker's limits, the
     * serial collector and the C1 compiler only: about 40 MB less resident memory than with C2, for a few per cent
     * of throughput).
     */
    static final List<String> SERVER_JVM = launcherOptions(launcher());

    /** The class-data sharing archive the launcher made for this build and JDK (tools runs get it), or null. */
    static Path archive() {
        String a = System.getProperty("orrery.serve.cds", "");
        return !a.isEmpty() && Files.isRegularFile(Path.of(a)) ? Path.of(a) : null;
    }

    private final Process process;
    private final Path dir;
    private final String base;
    /** From starting the process to its first 200 on GET /. */
    private long readyNanos;

    private ServeProcess(Process process, Path dir, String base) {
        this.process = process;
        this.dir = dir;
        this.base = base;
    }

    /** Starts a broker on the platform with that many background reservations and offers living 2 s. */
    static ServeProcess start(String platform, int background, boolean data) throws IOException, InterruptedException {
        return start(platform, background, data, archive());
    }

    /** The same, mapping that class-data sharing archive (null: none). */
    static ServeProcess start(String platform, int background, boolean data, Path archive)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path dir = data ? Files.createTempDirectory("orrery-loadtest") : null;
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        cmd.addAll(SERVER_JVM);
        if (archive != null) {
            cmd.add("-XX:SharedArchiveFile=" + archive);
        }
        String extra = System.getProperty("orrery.serve.jvm", "").trim();
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split("\\s+")));
        }
        cmd.addAll(List.of("-cp", productClassPath(), "io.orrery.Launcher", "serve", "--platform",
                platform, "--port", String.valueOf(port), "--quiet", "--background", String.valueOf(background),
                "--offer-lifetime", "PT2S", "--retention", "PT2S"));
        if (dir != null) {
            cmd.addAll(List.of("--data", dir.toString()));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("MALLOC_ARENA_MAX", "2");
        long t0 = System.nanoTime();
        ServeProcess p = new ServeProcess(pb.start(), dir, "http://127.0.0.1:" + port);
        try {
            awaitReady(p.base, p.process);
            p.readyNanos = System.nanoTime() - t0;
        } catch (RuntimeException | InterruptedException e) {
            p.close();
            throw e;
        }
        return p;
    }

    String base() {
        return base;
    }

    Process process() {
        return process;
    }

    /** Nanoseconds from starting the process to its first 200 on GET / (asked every 5 ms). */
    long readyNanos() {
        return readyNanos;
    }

    /** The launcher that sits beside the samples ({@code orrery.samples}, set by it and by the build). */
    static Path launcher() {
        return Path.of(System.getProperty("orrery.samples", "sample-tasks")).toAbsolutePath().resolveSibling("orrery");
    }

    /** The options of the launcher's {@code serve_vm_opts='...'} line. */
    static List<String> launcherOptions(Path script) {
        try {
            for (String line : Files.readAllLines(script)) {
                if (line.startsWith("serve_vm_opts='") && line.endsWith("'")) {
                    return List.of(line.substring(15, line.length() - 1).trim().split("\\s+"));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the broker's JVM options from " + script + ": " + e, e);
        }
        throw new IllegalStateException(script + " has no serve_vm_opts='...' line");
    }

    /** This process's class path without the tools' own classes: the product's, as the launcher's archive has it. */
    private static String productClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !Path.of(e).endsWith("test-classes"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    /** Waits until GET / answers 200 (at most 20 s, asking every 5 ms); fails at once if the process exits. */
    static void awaitReady(String base, Process server) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < 4000; i++) {
            if (server != null && !server.isAlive()) {
                throw new IllegalStateException("the broker process exited with " + server.exitValue());
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(5);
            }
        }
        throw new IllegalStateException("the broker did not start within 20 s");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
        process.destroyForcibly();
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                // a temporary folder left behind
            }
        }
    }
}
