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
     * JVM options for a broker process, the same as {@code ./orrery serve} uses: a small heap, the serial collector
     * and the C1 compiler only keep its footprint small (measured: about 40 MB less resident memory than with C2,
     * for a few per cent of throughput).
     */
    static final List<String> SERVER_JVM = List.of("-XX:+UseSerialGC", "-Xmx160m", "-Xss256k",
            "-XX:ReservedCodeCacheSize=24m", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1");

    private final Process process;
    private final Path dir;
    private final String base;

    private ServeProcess(Process process, Path dir, String base) {
        this.process = process;
        this.dir = dir;
        this.base = base;
    }

    /** Starts a broker on the platform with that many background reservations and offers living 2 s. */
    static ServeProcess start(String platform, int background, boolean data) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path dir = data ? Files.createTempDirectory("orrery-loadtest") : null;
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        cmd.addAll(SERVER_JVM);
        String extra = System.getProperty("orrery.serve.jvm", "").trim();
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split("\\s+")));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.orrery.Launcher", "serve", "--platform",
                platform, "--port", String.valueOf(port), "--quiet", "--background", String.valueOf(background),
                "--offer-lifetime", "PT2S", "--retention", "PT2S"));
        if (dir != null) {
            cmd.addAll(List.of("--data", dir.toString()));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("MALLOC_ARENA_MAX", "2");
        ServeProcess p = new ServeProcess(pb.start(), dir, "http://127.0.0.1:" + port);
        try {
            awaitReady(p.base, p.process);
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

    /** Waits until GET / answers 200 (at most 20 s); fails at once if the process exits. */
    static void awaitReady(String base, Process server) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < 400; i++) {
            if (server != null && !server.isAlive()) {
                throw new IllegalStateException("the broker process exited with " + server.exitValue());
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(50);
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
