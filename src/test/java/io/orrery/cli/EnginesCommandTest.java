package io.orrery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.CliRun;
import io.orrery.engine.FakeDockerApi;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code orrery engines} as a script sees it: a table or JSON, and the exit status. */
class EnginesCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void anAnsweringEngineMakesItExitZeroWithJsonThatParses() throws IOException {
        try (FakeDockerApi api = new FakeDockerApi(dir.resolve("podman.sock"), FakeDockerApi.PODMAN,
                FakeDockerApi.Mode.PLAIN)) {
            CliRun r = CliRun.of("engines", "--json", "--socket", api.socket().toString());
            assertEquals(0, r.code(), r.err());
            JsonNode root = JSON.readTree(r.out());
            assertTrue(root.path("ready").asBoolean(), r.out());
            JsonNode first = root.path("engines").get(0);
            assertEquals(api.socket().toString(), first.path("socket").asString());
            assertEquals("answers", first.path("state").asString());
            assertEquals("podman", first.path("engine").asString());
            assertEquals("4.3.1", first.path("version").asString());
            assertEquals("--socket", first.path("from").asString());
            assertTrue(root.path("machine").path("cores").asInt() >= 1, r.out());
            assertTrue(root.path("jupyter").has("found"), r.out());
        }
    }

    @Test
    void theTableNamesEachPlaceAndTheMachine() throws IOException {
        try (FakeDockerApi api = new FakeDockerApi(dir.resolve("docker.sock"), FakeDockerApi.DOCKER,
                FakeDockerApi.Mode.PLAIN)) {
            CliRun r = CliRun.of("engines", "--socket", api.socket().toString(), "--socket",
                    dir.resolve("absent.sock").toString());
            assertEquals(0, r.code(), r.err());
            String[] lines = r.out().split("\n");
            assertTrue(lines[0].startsWith("ENGINE"), r.out());
            assertTrue(lines[1].matches("docker +" + api.socket() + " +--socket +answers +20\\.10\\.24\\+dfsg1 +1\\.41 *"),
                    lines[1]);
            assertTrue(lines[2].matches("docker +" + dir.resolve("absent.sock") + " +--socket +absent +- +- +no socket there"),
                    lines[2]);
            assertTrue(r.out().contains("\njupyter: "), r.out());
            assertTrue(r.out().contains("\nmachine: " + Runtime.getRuntime().availableProcessors() + " cores, "), r.out());
        }
    }

    @Test
    void withoutAnAnsweringEngineItSaysWhatToInstallAndExitsOne() {
        CliRun r = CliRun.of("engines", "--json", "--timeout", "PT0.5S", "--socket", dir.resolve("absent.sock").toString());
        JsonNode root = JSON.readTree(r.out());
        if (root.path("ready").asBoolean()) {
            assertEquals(0, r.code(), "this machine has an engine: " + r.out());
            return;
        }
        assertEquals(1, r.code(), r.err());
        assertEquals("orrery engines: " + EnginesCommand.NONE + "\n", r.err());
        assertEquals(EnginesCommand.NONE, root.path("message").asString());
    }

    @Test
    void aTimeoutOfZeroIsAUsageError() {
        assertEquals(2, CliRun.of("engines", "--timeout", "PT0S").code());
    }
}
