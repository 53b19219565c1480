package io.orrery.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Await;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.broker.store.SessionStore;
import io.orrery.model.SessionPhase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A built-in broker whose sessions really run reads their outputs through the core, a MiB at a time at most. */
class LocalBrokerOutputsTest {
    @TempDir
    Path dir;

    private LocalBroker broker;

    @AfterEach
    void close() {
        if (broker != null) {
            broker.close();
        }
    }

    private String running(WritingExecution a) throws Exception {
        broker = new LocalBroker("builtin:laptop", PlatformCatalog.load("laptop"), Clock.systemUTC(),
                SessionStore.NONE, a);
        String url = WritingExecution.acceptFirstOffer(broker);
        a.awaitRunning(WritingExecution.uuid(url));
        return url;
    }

    @Test
    void aGrowingLogIsReadFromItsOffsetAndItsEndSaysWhetherMoreMayCome() throws Exception {
        WritingExecution a = new WritingExecution(dir, Clock.systemUTC(), true);
        String url = running(a);
        String id = WritingExecution.uuid(url);
        OutputChunk first = broker.readOutput(url, "stdout", 0);
        assertEquals(WritingExecution.LINE, new String(first.bytes(), StandardCharsets.UTF_8));
        assertEquals(WritingExecution.LINE.length(), first.next());
        assertTrue(first.growing(), "the session still runs");
        OutputChunk part = broker.readOutput(url, "stdout", 6);
        assertEquals(WritingExecution.LINE.substring(6), new String(part.bytes(), StandardCharsets.UTF_8));

        a.finish(id);
        Await.until(Duration.ofSeconds(20), () -> broker.phase(id).orElseThrow() == SessionPhase.COMPLETED,
                "the session completes");
        OutputChunk end = broker.readOutput(url, "stdout", first.next());
        assertEquals(0, end.bytes().length);
        assertEquals(first.next(), end.next());
        assertFalse(end.growing(), "complete once the session ended");
        assertArrayEquals(WritingExecution.RESULT.getBytes(StandardCharsets.UTF_8),
                broker.readOutput(url, "outputs/result.txt", 0).bytes());
    }

    @Test
    void oneReadReturnsAtMostOneMebibyte() throws Exception {
        WritingExecution a = new WritingExecution(dir, Clock.systemUTC(), true);
        String url = running(a);
        a.append(WritingExecution.uuid(url), "stdout", "x".repeat(LocalBroker.MOST_PER_READ + 10));
        OutputChunk big = broker.readOutput(url, "stdout", 0);
        assertEquals(LocalBroker.MOST_PER_READ, big.bytes().length);
        assertEquals(LocalBroker.MOST_PER_READ, big.next());
        OutputChunk rest = broker.readOutput(url, "stdout", big.next());
        assertEquals(WritingExecution.LINE.length() + 10, rest.bytes().length);
    }

    @Test
    void anUnknownOutputOrSessionIsNotFound() throws Exception {
        String url = running(new WritingExecution(dir, Clock.systemUTC(), true));
        BrokerError noOutput = assertThrows(BrokerError.class, () -> broker.readOutput(url, "outputs/none", 0));
        assertEquals(BrokerError.Kind.NOT_FOUND, noOutput.kind());
        assertTrue(noOutput.getMessage().contains("no output 'outputs/none'"), noOutput.getMessage());
        String other = url.substring(0, url.lastIndexOf('/') + 1) + "00000000-0000-0000-0000-000000000000";
        BrokerError noSession = assertThrows(BrokerError.class, () -> broker.readOutput(other, "stdout", 0));
        assertEquals(BrokerError.Kind.NOT_FOUND, noSession.kind());
        assertTrue(noSession.getMessage().contains("no session"), noSession.getMessage());
    }
}
