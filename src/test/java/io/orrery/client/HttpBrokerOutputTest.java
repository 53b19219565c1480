package io.orrery.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Await;
import io.orrery.Fixtures;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.model.SessionPhase;
import io.orrery.server.BrokerServer;
import io.orrery.server.ScriptedExecution;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HttpBroker.readOutput against a real server on 127.0.0.1 whose sessions leave outputs. */
class HttpBrokerOutputTest {
    @TempDir
    Path dir;

    /** Asks the broker for offers, accepts the first and waits until it has printed its first line; its URL. */
    static String running(Broker broker) throws IOException {
        Outcome o = broker.ask(Fixtures.sample("01-minimal-container.yaml")).join();
        assertTrue(o instanceof Outcome.Offers, o.toString());
        String url = ((Outcome.Offers) o).offerSet().offers().get(0).meta().url();
        assertTrue(broker.update(url, SessionPhase.ACCEPTED).applied());
        Await.until(Duration.ofSeconds(10), () -> {
            try {
                return broker.readOutput(url, "stdout", 0).bytes().length > 0;
            } catch (BrokerError e) {
                return false;
            }
        }, "the session runs and prints");
        return url;
    }

    static String id(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** Lets the client's idle connections go before the server stops (it waits for open ones). */
    static final class Idle implements AutoCloseable {
        @Override
        public void close() {
            HttpBroker.closeIdleConnections();
        }
    }

    static BrokerServer server(ScriptedExecution execution, Path tokens) throws IOException {
        BrokerServer.Options o = BrokerServer.Options.of(PlatformCatalog.find("laptop").orElseThrow()).execution(execution);
        return BrokerServer.start(tokens == null ? o : o.auth(tokens, null));
    }

    @Test
    void readsAGrowingOutputInChunksUntilItIsComplete() throws IOException {
        ScriptedExecution execution = new ScriptedExecution(dir, Clock.systemUTC());
        try (BrokerServer server = server(execution, null);
             Idle idle = new Idle();
             HttpBroker broker = new HttpBroker(BrokerConfig.of("test", server.baseUrl()), Clock.systemUTC())) {
            String url = running(broker);
            OutputChunk first = broker.readOutput(url, "stdout", 0);
            assertEquals(ScriptedExecution.FIRST_LINE, new String(first.bytes(), StandardCharsets.UTF_8));
            assertTrue(first.growing());
            OutputChunk nothing = broker.readOutput(url, "stdout", first.next());
            assertEquals(0, nothing.bytes().length, "nothing new yet");
            assertEquals(first.next(), nothing.next());
            assertTrue(nothing.growing());

            String big = "x".repeat((int) (2.5 * (1 << 20))) + "\n";
            execution.print(id(url), big);
            execution.finish(id(url));
            Await.until(Duration.ofSeconds(10), () -> "COMPLETED".equals(broker.session(url).phase()), "it completes");
            OutputChunk chunk = broker.readOutput(url, "stdout", first.next());
            assertEquals(1 << 20, chunk.bytes().length, "at most 1 MiB an answer");
            long offset = first.next();
            long total = 0;
            OutputChunk c;
            do {
                c = broker.readOutput(url, "stdout", offset);
                total += c.bytes().length;
                offset = c.next();
            } while (c.bytes().length > 0);
            assertEquals(big.length(), total);
            assertFalse(c.growing(), "complete once the session is");
            assertEquals(ScriptedExecution.RESULT, new String(broker.readOutput(url, "outputs/result.txt", 0).bytes(),
                    StandardCharsets.UTF_8));
            assertArrayEquals("binary".getBytes(StandardCharsets.UTF_8),
                    broker.readOutput(url, "outputs/deep/er/data.bin", 2).bytes());

            BrokerError missing = assertThrows(BrokerError.class, () -> broker.readOutput(url, "outputs/none", 0));
            assertEquals(BrokerError.Kind.NOT_FOUND, missing.kind());
            assertTrue(missing.getMessage().contains("no output 'outputs/none'"), missing.getMessage());
            BrokerError bad = assertThrows(BrokerError.class, () -> broker.readOutput(url, "outputs/../../x", 0));
            assertEquals(BrokerError.Kind.REFUSED, bad.kind(), "refused before anything is sent");
        }
    }

    @Test
    void credentialsGoAlongAndAnotherUsersOutputsAreNotFound() throws IOException {
        Path tokens = Files.writeString(dir.resolve("tokens"), "alice s3cret-alice-token\nbob s3cret-bob-token\n");
        try (BrokerServer server = server(new ScriptedExecution(dir.resolve("s"), Clock.systemUTC()), tokens);
             Idle idle = new Idle();
             HttpBroker alice = new HttpBroker(BrokerConfig.of("a", server.baseUrl())
                     .withCredentials(Credentials.bearer("s3cret-alice-token")), Clock.systemUTC());
             HttpBroker bob = new HttpBroker(BrokerConfig.of("b", server.baseUrl())
                     .withCredentials(Credentials.bearer("s3cret-bob-token")), Clock.systemUTC());
             HttpBroker nobody = new HttpBroker(BrokerConfig.of("n", server.baseUrl()), Clock.systemUTC())) {
            String url = running(alice);
            assertEquals(BrokerError.Kind.NOT_FOUND, assertThrows(BrokerError.class,
                    () -> bob.readOutput(url, "stdout", 0)).kind(), "our broker answers 404, as for an unknown session");
            assertEquals(BrokerError.Kind.UNAUTHORIZED, assertThrows(BrokerError.class,
                    () -> nobody.readOutput(url, "stdout", 0)).kind());
        }
    }

    @Test
    void anUnreachableBrokerIsSaidSo() {
        try (HttpBroker broker = new HttpBroker(BrokerConfig.of("gone", "http://127.0.0.1:1"), Clock.systemUTC())) {
            BrokerError e = assertThrows(BrokerError.class, () -> broker.readOutput(
                    "http://127.0.0.1:1/sessions/5b3e0e44-0000-4000-8000-000000000000", "stdout", 0));
            assertEquals(BrokerError.Kind.UNREACHABLE, e.kind());
        }
    }
}
