package io.orrery.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.model.ExecutionSession;
import io.orrery.model.OfferSet;
import io.orrery.model.SessionPhase;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker process killed with SIGKILL in the middle of a load keeps every accept it acknowledged. */
class KillNineTest {
    private static final String YAML = "application/yaml";

    @TempDir
    Path data;

    private static Process serve(int port, Path data) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.orrery.Launcher", "serve",
                "--platform", "cloud", "--port", String.valueOf(port), "--data", data.toString(), "--quiet",
                "--offer-lifetime", "PT1S")
                .redirectErrorStream(true).redirectOutput(data.resolve("serve-" + System.nanoTime() + ".log").toFile())
                .start();
    }

    private static Http await(int port, Process p) throws InterruptedException {
        Http http = new Http("http://127.0.0.1:" + port);
        for (int i = 0; i < 200; i++) {
            assertTrue(p.isAlive(), "the broker process died while starting");
            try {
                if (http.get("/", YAML).statusCode() == 200) {
                    return http;
                }
            } catch (RuntimeException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the broker did not start");
    }

    @Test
    void acknowledgedAcceptsSurviveKillNine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process first = serve(port, data);
        Queue<String> accepted = new ConcurrentLinkedQueue<>();
        Queue<String> unaccepted = new ConcurrentLinkedQueue<>();
        try {
            Http http = await(port, first);
            String body = ServerApiTest.sample("01-minimal-container.yaml");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            long until = System.nanoTime() + 30_000_000_000L;
            for (int t = 0; t < 4; t++) {
                pool.submit(() -> {
                    while (System.nanoTime() < until) {
                        try {
                            HttpResponse<String> r = http.post("/requests", YAML, YAML, body);
                            OfferSet set = WireCodec.readAs(r.body(), Format.YAML, OfferSet.class);
                            String id = set.offers().get(0).meta().uuid();
                            HttpResponse<String> a = http.post("/sessions/" + id, YAML, YAML,
                                    "kind: uri:enum-value-update\npath: phase\nvalue: ACCEPTED\n");
                            if (a.statusCode() == 200) {
                                accepted.add(id);
                            }
                            set.offers().stream().skip(1).forEach(o -> unaccepted.add(o.meta().uuid()));
                        } catch (RuntimeException killed) {
                            return;
                        }
                    }
                });
            }
            // kill it in the middle of the load, once a good number of accepts were acknowledged
            for (int i = 0; i < 300 && accepted.size() < 40; i++) {
                Thread.sleep(50);
            }
            first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } finally {
            first.destroyForcibly();
        }
        assertTrue(accepted.size() > 10, "accepted before the kill: " + accepted.size());
        Process second = serve(port, data);
        try {
            Http http = await(port, second);
            List<String> lost = new ArrayList<>();
            for (String id : accepted) {
                HttpResponse<String> r = http.get("/sessions/" + id, YAML);
                SessionPhase phase = r.statusCode() == 200
                        ? SessionPhase.valueOf(WireCodec.readAs(r.body(), Format.YAML, ExecutionSession.class).phase())
                        : null;
                if (phase == null || phase == SessionPhase.OFFERED || phase == SessionPhase.EXPIRED
                        || phase == SessionPhase.REJECTED) {
                    lost.add(id + " " + phase);
                }
            }
            assertEquals(List.of(), lost, "accepts acknowledged before kill -9");
            for (String id : unaccepted) {
                HttpResponse<String> r = http.get("/sessions/" + id, YAML);
                if (r.statusCode() == 200) {
                    String phase = WireCodec.readAs(r.body(), Format.YAML, ExecutionSession.class).phase();
                    assertTrue(phase.equals("REJECTED") || phase.equals("EXPIRED"), id + " is " + phase);
                }
            }
        } finally {
            second.destroy();
            second.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
