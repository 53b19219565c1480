package io.orrery.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.engine.EngineSocket.State;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe against Docker-compatible APIs on real Unix domain sockets: answering, absent, stale and silent. */
class EngineProbeTest {
    @TempDir
    Path dir;

    private static EngineSocket only(Path socket, Duration timeout) {
        return new EngineProbe(Map.of("DOCKER_HOST", "unix://" + socket), timeout).probeAll(List.of()).stream()
                .filter(e -> e.socket().equals(socket.toString())).findFirst().orElseThrow();
    }

    /** What the probe reports of a fake API at DOCKER_HOST answering with that body. */
    private EngineSocket answering(String body, FakeDockerApi.Mode mode) throws IOException {
        try (FakeDockerApi api = new FakeDockerApi(dir.resolve("api.sock"), body, mode)) {
            EngineSocket e = only(api.socket(), EngineProbe.TIMEOUT);
            assertEquals(State.ANSWERS, e.state(), e.detail());
            assertEquals("DOCKER_HOST", e.from());
            return e;
        }
    }

    @Test
    void aPodmanServiceAtDockerHostIsReportedWithItsVersion() throws IOException {
        EngineSocket e = answering(FakeDockerApi.PODMAN, FakeDockerApi.Mode.PLAIN);
        assertEquals("podman", e.engine());
        assertEquals("4.3.1", e.version());
        assertEquals("1.41", e.apiVersion());
    }

    @Test
    void aDockerEngineAnsweringChunkedIsReportedAsDocker() throws IOException {
        EngineSocket e = answering(FakeDockerApi.DOCKER, FakeDockerApi.Mode.CHUNKED);
        assertEquals("docker", e.engine());
        assertEquals("20.10.24+dfsg1", e.version());
    }

    @Test
    void anAbsentSocketIsSaidPlainly() {
        EngineSocket e = only(dir.resolve("none.sock"), EngineProbe.TIMEOUT);
        assertEquals(State.ABSENT, e.state());
        assertEquals("no socket there", e.detail());
    }

    @Test
    void aSocketNobodyListensOnIsRefused() throws IOException {
        Path stale = dir.resolve("stale.sock");
        ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        gone.bind(UnixDomainSocketAddress.of(stale));
        gone.close();
        assertTrue(Files.exists(stale), "the socket file stays after its server has gone");
        EngineSocket e = only(stale, EngineProbe.TIMEOUT);
        assertEquals(State.REFUSED, e.state(), e.detail());
    }

    @Test
    void aSocketThatAcceptsButNeverAnswersCostsTheTimeoutAndNoMore() throws IOException {
        try (FakeDockerApi api = new FakeDockerApi(dir.resolve("silent.sock"), "", FakeDockerApi.Mode.SILENT)) {
            EngineSocket e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                    () -> only(api.socket(), Duration.ofMillis(300)));
            assertEquals(State.SILENT, e.state());
            assertEquals("accepted but no answer within 300 ms", e.detail());
        }
    }

    @Test
    void theDefaultPlacesAreProbedOnceEach() {
        List<String> places = List.copyOf(new EngineProbe(Map.of("DOCKER_HOST", "unix:///var/run/docker.sock",
                "XDG_RUNTIME_DIR", "/run/user/1000"), EngineProbe.TIMEOUT).candidates(List.of()).keySet());
        assertEquals(List.of("/var/run/docker.sock", "/run/podman/podman.sock", "/run/user/1000/podman/podman.sock"),
                places);
    }

    @Test
    void aTcpDockerHostIsListedButNotProbed() {
        EngineSocket e = new EngineProbe(Map.of(), EngineProbe.TIMEOUT).probe("tcp://127.0.0.1:2375", "DOCKER_HOST");
        assertEquals(State.UNSUPPORTED, e.state());
    }

    /** On a machine with a real Docker engine or Podman service, it answers; elsewhere skipped, saying why. */
    @Test
    void aRealEngineOnThisMachineAnswers() {
        // patient: a Podman service busy with other tests' containers can take seconds to answer /version
        EngineProbe probe = new EngineProbe(System.getenv(), java.time.Duration.ofSeconds(15));
        List<String> present = probe.candidates(List.of()).keySet().stream()
                .filter(p -> !p.contains("://") && Files.exists(Path.of(p))).toList();
        Assumptions.assumeFalse(present.isEmpty(), "no container engine socket on this machine (looked at "
                + probe.candidates(List.of()).keySet() + ")");
        List<EngineSocket> found = probe.probeAll(List.of());
        assertTrue(found.stream().anyMatch(EngineSocket::answers), "a socket is there but nothing answers: " + found);
    }
}
