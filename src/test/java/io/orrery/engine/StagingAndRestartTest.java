package io.orrery.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.orrery.Await;
import io.orrery.broker.store.SessionStore;
import io.orrery.broker.store.SqliteStore;
import io.orrery.model.OfferSet;
import io.orrery.model.PhaseChange;
import io.orrery.model.SessionPhase;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data staged from a loopback HTTP server and from a file, visible inside the container; a bad checksum fails
 * preparation; data the platform cannot fetch is a NO at offer time; a broker restarted with its database while a
 * container runs finds the container again and sees it through; a machine without an engine says so in the NO.
 */
class StagingAndRestartTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String DATA_KIND =
            "https://www.purl.org/ivoa.net/Calycopis-openapi/schema/v1.0/kinds/data/simple-data-resource.yaml";

    @TempDir
    Path dir;

    private static void awaitPhase(RealBroker b, String id, SessionPhase phase) {
        Await.until(PATIENCE, () -> b.phase(id) == phase, "session reaches " + phase + ": " + b.history(id));
    }

    private static String data(String name, String location, String checksum) {
        return "data:\n  - kind: " + DATA_KIND + "\n    meta: {name: " + name + "}\n    location: \"" + location + "\"\n"
                + (checksum == null ? "" : "    checksum: {type: sha256, value: \"" + checksum + "\"}\n");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static HttpServer serve(byte[] body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/cat.txt", ex -> {
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    @Test
    void dataServedOnLoopbackIsStagedCheckedAndVisibleInsideTheContainer() throws Exception {
        byte[] body = "a cat on a mat\n".getBytes(StandardCharsets.UTF_8);
        Path local = Files.writeString(dir.resolve("notes.txt"), "local notes\n");
        HttpServer server = serve(body);
        try (RealBroker b = new RealBroker(RealBroker.requireEngine(), dir.resolve("s"), SessionStore.NONE)) {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/cat.txt";
            String id = b.run(RealBroker.container("cat /data/cat; cat /data/notes", Duration.ofMinutes(2),
                    data("cat", url, sha256(body)).replace("data:\n", "data:\n")
                            + data("notes", local.toUri().toString(), null).replace("data:\n", "")));
            awaitPhase(b, id, SessionPhase.COMPLETED);
            assertEquals("a cat on a mat\nlocal notes\n", b.output(id, "stdout"));
            assertTrue(Files.notExists(dir.resolve("s").resolve(id).resolve("scratch")), "scratch removed on release");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aWrongChecksumFailsPreparationWithBothValues() throws Exception {
        HttpServer server = serve("tampered\n".getBytes(StandardCharsets.UTF_8));
        try (RealBroker b = new RealBroker(RealBroker.requireEngine(), dir.resolve("s"), SessionStore.NONE)) {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/cat.txt";
            String id = b.run(RealBroker.container("cat /data/cat", Duration.ofMinutes(2),
                    data("cat", url, "00".repeat(32))));
            awaitPhase(b, id, SessionPhase.FAILED);
            String reason = b.history(id).get(b.history(id).size() - 1).reason();
            assertTrue(reason.contains("sha256 checksum is ") && reason.contains("expected 0000"), reason);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void dataThePlatformCannotFetchIsANoAtOfferTime() {
        try (RealBroker b = new RealBroker(RealBroker.requireEngine(), dir.resolve("s"), SessionStore.NONE)) {
            OfferSet set = b.ask(RealBroker.container("true", Duration.ofMinutes(1),
                    data("remote", "s3://bucket/key", null)));
            assertEquals("NO", set.result());
            String text = io.orrery.model.codec.WireCodec.write(set, io.orrery.model.codec.Format.YAML);
            assertTrue(text.contains("cannot fetch the data remote from s3://bucket/key"), text);
        }
    }

    @Test
    void aMachineWithoutAnEngineSaysSoInTheNo() {
        LocalPlatform.Found none = new LocalPlatform.Found(new Machine(2, 4L << 30), Optional.empty(),
                new Jupyter(null, null, "absent"));
        try (RealBroker b = new RealBroker(none, dir.resolve("s"), SessionStore.NONE)) {
            OfferSet set = b.ask(RealBroker.container("true", Duration.ofMinutes(1), ""));
            assertEquals("NO", set.result());
            String text = io.orrery.model.codec.WireCodec.write(set, io.orrery.model.codec.Format.YAML);
            assertTrue(text.contains("no container engine: install docker.io or podman"), text);
        }
    }

    @Test
    void aBrokerRestartedWithItsDatabaseWhileAContainerRunsFindsItAndSeesItThrough() throws Exception {
        LocalPlatform.Found found = RealBroker.requireEngine();
        Path data = dir.resolve("data");
        String id;
        try (SqliteStore store = new SqliteStore(data)) {
            RealBroker first = new RealBroker(found, data.resolve("sessions"), store);
            id = first.run(RealBroker.container("echo before; sleep 4; echo after; echo kept > /outputs/o.txt",
                    Duration.ofMinutes(2), ""));
            awaitPhase(first, id, SessionPhase.RUNNING);
            Await.until(PATIENCE, () -> {
                try {
                    return first.output(id, "stdout").contains("before");
                } catch (IOException | RuntimeException e) {
                    return false;
                }
            }, "the first line is logged before the restart");
            first.crash();
        }
        // the broker is gone (its threads stopped); the container runs on in the engine
        try (SqliteStore store = new SqliteStore(data); RealBroker second = new RealBroker(found, data.resolve("sessions"), store)) {
            awaitPhase(second, id, SessionPhase.COMPLETED);
            assertEquals("before\nafter\n", second.output(id, "stdout"));
            assertEquals("kept\n", second.output(id, "outputs/o.txt"));
            List<SessionPhase> phases = second.history(id).stream().map(PhaseChange::phase).toList();
            assertEquals(List.of(SessionPhase.RUNNING, SessionPhase.RELEASING, SessionPhase.COMPLETED),
                    phases.subList(phases.size() - 3, phases.size()));
        }
    }

    @Test
    void aRestartedBrokerRemovesContainersNoSessionOwns() throws Exception {
        LocalPlatform.Found found = RealBroker.requireEngine();
        Path data = dir.resolve("data");
        DockerApi api = new DockerApi(Path.of(found.engine().get().socket()), Duration.ofSeconds(10));
        String id;
        RealBroker first = new RealBroker(found, data.resolve("sessions"), SessionStore.NONE);
        id = first.run(RealBroker.container("sleep 120", Duration.ofMinutes(5), ""));
        awaitPhase(first, id, SessionPhase.RUNNING);
        first.crash();
        assertTrue(api.inspect("orrery-" + id).isPresent());
        // in memory: the new broker knows no session, so the container is an orphan
        try (RealBroker second = new RealBroker(found, data.resolve("sessions"), SessionStore.NONE)) {
            Await.until(PATIENCE, () -> {
                try {
                    return api.inspect("orrery-" + id).isEmpty();
                } catch (IOException e) {
                    return false;
                }
            }, "the orphaned container is removed");
        }
    }
}
