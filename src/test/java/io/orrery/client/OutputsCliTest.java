package io.orrery.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Await;
import io.orrery.CliRun;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.cli.OrreryCommand;
import io.orrery.model.SessionPhase;
import io.orrery.server.BrokerServer;
import io.orrery.server.ScriptedExecution;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** 'orrery logs' and 'orrery outputs' against a real server whose sessions leave outputs, and on built-in brokers. */
class OutputsCliTest extends TempConfigCliTest {
    @TempDir
    Path work;

    @Test
    void logsFollowSeesLaterLinesAndEndsWithTheSession() throws Exception {
        ScriptedExecution execution = new ScriptedExecution(work.resolve("sessions"), Clock.systemUTC());
        try (BrokerServer server = HttpBrokerOutputTest.server(execution, null);
             HttpBrokerOutputTest.Idle idle = new HttpBrokerOutputTest.Idle();
             HttpBroker broker = new HttpBroker(BrokerConfig.of("t", server.baseUrl()), Clock.systemUTC())) {
            String url = HttpBrokerOutputTest.running(broker);
            CliRun once = run("logs", url);
            assertEquals(0, once.code(), once.err());
            assertEquals(ScriptedExecution.FIRST_LINE, once.out(), "without --follow: what there is, then exit");

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine logs = OrreryCommand.commandLine();
            logs.setOut(new PrintWriter(out, true));
            logs.setErr(new PrintWriter(err, true));
            CompletableFuture<Integer> following = CompletableFuture.supplyAsync(() -> logs.execute("logs", url, "--follow"));
            Await.until(Duration.ofSeconds(10), () -> out.toString().equals(ScriptedExecution.FIRST_LINE), "the first line");
            execution.print(HttpBrokerOutputTest.id(url), "a later line, ünïcödé\n");
            Await.until(Duration.ofSeconds(10), () -> out.toString().endsWith("a later line, ünïcödé\n"),
                    "a line written after logs started: " + out);
            assertFalse(following.isDone(), "still following while the session runs");
            execution.finish(HttpBrokerOutputTest.id(url));
            assertEquals(0, following.get(10, TimeUnit.SECONDS), err.toString());
            assertEquals(ScriptedExecution.FIRST_LINE + "a later line, ünïcödé\n", out.toString());
            assertEquals(SessionPhase.COMPLETED.name(), broker.session(url).phase());
        }
    }

    @Test
    void outputsSavesEveryOutputUnderTheDirectory() throws Exception {
        Path sessions = work.resolve("sessions");
        ScriptedExecution execution = new ScriptedExecution(sessions, Clock.systemUTC());
        try (BrokerServer server = HttpBrokerOutputTest.server(execution, null);
             HttpBrokerOutputTest.Idle idle = new HttpBrokerOutputTest.Idle();
             HttpBroker broker = new HttpBroker(BrokerConfig.of("t", server.baseUrl()), Clock.systemUTC())) {
            String url = HttpBrokerOutputTest.running(broker);
            String id = HttpBrokerOutputTest.id(url);
            execution.finish(id);
            Await.until(Duration.ofSeconds(10), () -> "COMPLETED".equals(broker.session(url).phase()), "it completes");
            Path into = work.resolve("saved");
            CliRun saved = run("outputs", url, into.toString());
            assertEquals(0, saved.code(), saved.err());
            assertEquals(ScriptedExecution.FIRST_LINE, Files.readString(into.resolve("stdout")));
            assertEquals("0\n", Files.readString(into.resolve("exit")));
            assertEquals(0, Files.size(into.resolve("stderr")));
            assertEquals(ScriptedExecution.RESULT, Files.readString(into.resolve("outputs/result.txt")));
            assertArrayEquals("\u0000\u0001binary".getBytes(StandardCharsets.UTF_8),
                    Files.readAllBytes(into.resolve("outputs/deep/er/data.bin")));
            assertEquals(5, saved.out().lines().count(), saved.out());
            assertTrue(saved.out().contains(into.resolve("outputs/result.txt") + "  " + ScriptedExecution.RESULT.length()
                    + " bytes"), saved.out());

            Files.writeString(sessions.resolve(id).resolve("outputs/not allowed.txt"), "x");
            CliRun refused = run("outputs", url, into.toString());
            assertEquals(1, refused.code(), "a name refused is a failure");
            assertTrue(refused.err().contains("refused the output 'outputs/not allowed.txt'"), refused.err());
            assertTrue(Files.exists(into.resolve("outputs/result.txt")), "the others are still saved");
            assertFalse(Files.exists(into.resolve("outputs/not allowed.txt")));
        }
    }

    @Test
    void noOutputsOrNoBrokerIsAClearFailure() throws Exception {
        try (BrokerServer server = BrokerServer.start(BrokerServer.Options.of(PlatformCatalog.find("laptop").orElseThrow()));
             HttpBrokerOutputTest.Idle idle = new HttpBrokerOutputTest.Idle();
             HttpBroker broker = new HttpBroker(BrokerConfig.of("t", server.baseUrl()), Clock.systemUTC())) {
            Outcome o = broker.ask(io.orrery.Fixtures.sample("01-minimal-container.yaml")).join();
            String url = ((Outcome.Offers) o).offerSet().offers().get(0).meta().url();
            broker.update(url, SessionPhase.ACCEPTED);
            CliRun none = run("outputs", url, work.resolve("none").toString());
            assertEquals(1, none.code());
            assertTrue(none.err().contains("has no outputs yet"), none.err());
            CliRun logs = run("logs", url);
            assertEquals(1, logs.code());
            assertTrue(logs.err().contains("has no stdout"), logs.err());
        }
        CliRun gone = run("outputs", "http://127.0.0.1:1/sessions/5b3e0e44-0000-4000-8000-000000000000",
                work.resolve("gone").toString());
        assertEquals(1, gone.code());
        assertTrue(gone.err().contains("cannot be reached"), gone.err());
        assertFalse(Files.exists(work.resolve("gone")), "nothing made when nothing is read");
    }

    @Test
    void builtInSessionsAreReadThroughTheirBroker() {
        assertEquals(0, run("offers", sample("01-minimal-container.yaml"), "--broker", "builtin:laptop").code());
        assertEquals(0, run("accept", "1").code());
        CliRun logs = run("logs", "1");
        assertEquals(1, logs.code(), logs.out());
        assertTrue(logs.err().startsWith("orrery logs: session builtin:laptop/sessions/"), logs.err());
        CliRun outputs = run("outputs", "1", work.resolve("b").toString());
        assertEquals(1, outputs.code());
        assertTrue(outputs.err().contains("has no outputs yet"), outputs.err());
    }
}
