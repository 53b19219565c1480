package io.orrery.workbench.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Await;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.broker.store.SessionStore;

import io.orrery.client.LocalBroker;
import io.orrery.client.WritingExecution;
import io.orrery.model.SessionPhase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor's live log and outputs, without the toolkit, on the current thread, against a real built-in broker
 * whose sessions a test adapter runs with real files.
 */
class OutputsViewModelTest {
    private static final Executor NOW = Runnable::run;

    @TempDir
    Path dir;

    private WritingExecution adapter;
    private LocalBroker broker;
    private final AtomicInteger reads = new AtomicInteger();
    private final List<String> notes = new ArrayList<>();
    private OutputsViewModel model;
    private String url;
    private Watched w;

    @BeforeEach
    void run() throws Exception {
        adapter = new WritingExecution(Files.createDirectories(dir.resolve("sessions")), Clock.systemUTC(), true);
        broker = new LocalBroker("builtin:laptop", PlatformCatalog.load("laptop"), Clock.systemUTC(),
                SessionStore.NONE, adapter);
        url = WritingExecution.acceptFirstOffer(broker);
        adapter.awaitRunning(WritingExecution.uuid(url));
        model = new OutputsViewModel(NOW, NOW, (name, session) -> {
            reads.incrementAndGet();
            return broker;
        }, notes::add);
        w = new Watched(broker.name(), url, "hello", null, null, null, null);
        listed();
    }

    @AfterEach
    void close() {
        broker.close();
    }

    /** What the monitor's read of the session does to its outputs. */
    private void listed() {
        w.outputs().setAll(OutputConnectors.of(broker.session(url).connectors()));
    }

    private void finished() {
        adapter.finish(WritingExecution.uuid(url));
        Await.until(Duration.ofSeconds(20), () -> broker.phase(WritingExecution.uuid(url)).orElseThrow()
                == SessionPhase.COMPLETED, "the session completes");
        listed();
    }

    @Test
    void linesAppearAsTheyAreWrittenAndTheOffsetsAdvance() throws Exception {
        List<String> pieces = new ArrayList<>();
        model.stdout().listen(new LogTail.Listener() {
            @Override
            public void appended(String piece) {
                pieces.add(piece);
            }

            @Override
            public void replaced(String all) {
                pieces.add("replaced: " + all);
            }
        });
        model.follow(w);
        assertTrue(model.availableProperty().get(), "the session lists outputs");
        assertEquals(List.of("stdout", "stderr"), model.files().stream().map(Watched.Output::name).toList());
        model.poll().get();
        assertEquals(WritingExecution.LINE, model.stdout().text());
        assertEquals(WritingExecution.WARNING, model.stderr().text());
        assertEquals(WritingExecution.LINE.length(), model.stdout().offset());

        adapter.append(WritingExecution.uuid(url), "stdout", "second line\n");
        model.poll().get();
        assertEquals(WritingExecution.LINE + "second line\n", model.stdout().text());
        assertEquals(List.of("replaced: ", WritingExecution.LINE, "second line\n"), pieces,
                "each piece appended once, after the reset of following the session");
        assertEquals(WritingExecution.LINE.length() + 12, model.stdout().offset());
        assertEquals("", model.problemProperty().get());
        assertEquals("", model.noteProperty().get(), "nothing left out");
    }

    @Test
    void pollingStopsOnceTheLogsAreCompleteAndWhenTheSessionIsNoLongerShown() throws Exception {
        model.follow(w);
        model.poll().get();
        assertTrue(model.polling(), "the logs still grow");
        finished();
        assertTrue(model.files().stream().anyMatch(o -> o.name().equals("outputs/result.txt")), "the file is listed");
        model.poll().get();
        assertTrue(model.stdout().complete() && model.stderr().complete());
        assertFalse(model.polling());
        int before = reads.get();
        model.poll().get();
        assertEquals(before, reads.get(), "a complete log is not read again");

        model.follow(null);
        assertFalse(model.polling());
        assertFalse(model.availableProperty().get());
        assertEquals("", model.stdout().text());
    }

    @Test
    void saveWritesTheOutputsBytesAndSaysSo() throws Exception {
        finished();
        model.follow(w);
        Path target = dir.resolve("result.txt");
        model.save("outputs/result.txt", target).get();
        assertEquals(WritingExecution.RESULT, Files.readString(target));
        assertTrue(model.statusProperty().get().startsWith("Saved outputs/result.txt (12 B) to "),
                model.statusProperty().get());
        try (Stream<Path> left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no partial file left");
        }
    }

    @Test
    void aBrokerErrorIsShownAndAFailedSaveLeavesNoFile() throws Exception {
        String gone = url.substring(0, url.lastIndexOf('/') + 1) + "00000000-0000-0000-0000-000000000000";
        Watched unknown = new Watched(broker.name(), gone, "gone", null, null, null, null);
        unknown.outputs().setAll(w.outputs());
        model.follow(unknown);
        model.poll().get();
        assertTrue(model.problemProperty().get().startsWith("Cannot read the log: ")
                && model.problemProperty().get().contains("no session"), model.problemProperty().get());

        model.follow(w);
        assertEquals("", model.problemProperty().get(), "a session followed anew starts without the old problem");
        Path target = dir.resolve("none.txt");
        ExecutionException e = assertThrows(ExecutionException.class, () -> model.save("outputs/none", target).get());
        String said = model.statusProperty().get();
        assertTrue(said.startsWith("Cannot save outputs/none to " + target + ": ") && said.contains("no output"), said);
        assertEquals(List.of(said), notes, "the failure also goes to the status line");
        assertTrue(e.getCause() instanceof io.orrery.client.BrokerError, e.toString());
        assertFalse(Files.exists(target));
        try (Stream<Path> left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no partial file left");
        }
    }

    @Test
    void aLogLongerThanIsKeptIsReadFromItsKeptEndAndSaysSo() throws Exception {
        adapter.append(WritingExecution.uuid(url), "stdout", "y".repeat(LogTail.KEEP + 100));
        listed();
        model.follow(w);
        model.poll().get();
        assertEquals(LogTail.KEEP, model.stdout().text().length(), "only the last MiB is read and kept");
        assertTrue(model.stdout().text().chars().allMatch(c -> c == 'y'));
        assertEquals(WritingExecution.LINE.length() + 100, model.stdout().skipped());
        assertTrue(model.noteProperty().get().startsWith("Showing only the last 1.0 MiB of stdout"),
                model.noteProperty().get());
    }
}
