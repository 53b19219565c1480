package io.orrery.client;

import io.orrery.CliRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command-line twin of the client: offers with its exit codes, the broker list, watch's stall warning. */
class ClientCliTest extends TempConfigCliTest {
    @Test
    void offersExitCodesTellYesNoAndFailure() {
        CliRun yes = run("offers", sample("01-minimal-container.yaml"), "--broker", "builtin:laptop", "--broker", "builtin:budget");
        assertEquals(0, yes.code(), yes.err());
        assertTrue(yes.out().contains("builtin:laptop") && yes.out().contains("Pareto-best"), yes.out());
        CliRun no = run("offers", sample("16-impossible-request.yaml"), "--broker", "builtin:laptop", "--broker", "builtin:budget");
        assertEquals(3, no.code(), no.out());
        assertTrue(no.out().contains("builtin:budget said NO:") && no.out().contains("exceeds the largest session"), no.out());
        CliRun failed = run("offers", sample("01-minimal-container.yaml"), "--broker", "http://127.0.0.1:1");
        assertEquals(4, failed.code(), failed.out());
        CliRun json = run("offers", sample("01-minimal-container.yaml"), "--broker", "builtin:cloud", "--json");
        assertTrue(json.out().contains("\"paretoBest\"") && json.out().contains("\"result\" : \"YES\""), json.out());
        assertEquals(2, run("offers", sample("01-minimal-container.yaml")).code(), "--broker is required");
    }

    @Test
    void theBrokersWarningsShowAsFlagsInTheTableAndTheJson() throws Exception {
        Captures.Answer yes = Captures.yesWithWarnings();
        try (MockWebServer mock = new MockWebServer()) {
            for (int i = 0; i < 2; i++) {
                mock.enqueue(new MockResponse.Builder().code(yes.status()).addHeader("Content-Type", yes.contentType())
                        .body(yes.body()).build());
            }
            mock.start(InetAddress.getLoopbackAddress(), 0);
            String url = mock.url("/").toString();
            CliRun table = run("offers", sample("01-minimal-container.yaml"), "--broker", url);
            assertEquals(0, table.code(), table.err());
            List<String> rows = table.out().lines().filter(l -> l.matches("^[* ] +\\d+ .*")).toList();
            assertEquals(3, rows.size(), table.out());
            assertTrue(rows.stream().allMatch(l -> l.contains(Captures.SET_WARNING)), table.out());
            assertEquals(1, rows.stream().filter(l -> l.contains(Captures.OFFER_WARNING)).count(), table.out());
            JsonNode json = JsonMapper.builder().build().readTree(run("offers", sample("01-minimal-container.yaml"),
                    "--broker", url, "--json").out());
            for (JsonNode offer : json.path("offers")) {
                assertTrue(offer.path("flags").toString().contains(Captures.SET_WARNING), offer.toString());
            }
            assertTrue(json.path("brokers").get(0).path("warnings").toString().contains(Captures.SET_WARNING),
                    json.path("brokers").toString());
        }
    }

    @Test
    void brokersAreKeptPrivatelyAndSecretsNeverShown() throws Exception {
        assertEquals(0, runWithInput("s3cret-token\n", "brokers", "add", "alpha", "http://127.0.0.1:8091", "--token").code());
        assertEquals(0, run("brokers", "add", "local", "builtin:laptop").code());
        CliRun list = run("brokers", "list");
        assertTrue(list.out().contains("alpha") && list.out().contains("bearer token (hidden)"), list.out());
        assertFalse(list.out().contains("s3cret"), "the token is never printed");
        Path file = config.resolve("brokers.yaml");
        assertEquals(java.util.Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file));
        assertEquals(0, run("offers", sample("01-minimal-container.yaml"), "--broker", "local").code());
        assertEquals(0, run("brokers", "remove", "alpha").code());
        assertFalse(run("brokers", "list").out().contains("alpha"));
    }

    @Test
    void watchWarnsWhenABrokerSeemsStuck() throws Exception {
        String session = Captures.response("calycopis-2026-08/09-session-get-offer-yaml.txt").body()
                .replace("phase: \"OFFERED\"", "phase: \"PREPARING\"");
        try (MockWebServer mock = new MockWebServer()) {
            int[] calls = {0};
            mock.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest r) {
                    String body = ++calls[0] < 8 ? session : session.replace("phase: \"PREPARING\"", "phase: \"FAILED\"");
                    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/yaml").body(body).build();
                }
            });
            mock.start(InetAddress.getLoopbackAddress(), 0);
            CliRun r = run("watch", mock.url("/sessions/x").toString(), "--interval", "PT0.05S", "--stall", "PT0.1S");
            assertEquals(1, r.code(), r.out() + r.err());
            assertTrue(r.err().contains("no change for PT0.1S"), r.err());
            assertTrue(r.out().contains("PREPARING") && r.out().contains("FAILED"), r.out());
        }
    }
}
