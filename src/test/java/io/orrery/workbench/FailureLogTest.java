package io.orrery.workbench;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fallback handler and its log, without the toolkit: stacks written, secrets masked, files rotated. */
class FailureLogTest {
    @TempDir
    Path config;

    private static String log(Path config) throws Exception {
        return Files.readString(config.resolve("logs/orrery.0.log"));
    }

    @Test
    void anUncaughtExceptionIsLoggedWithItsStackAndTheUserIsToldWhereTheLogIs() throws Exception {
        List<String> told = new CopyOnWriteArrayList<>();
        try (FailureLog log = FailureLog.open(config)) {
            FallbackExceptionHandler handler = new FallbackExceptionHandler(log);
            handler.tellWith(told::add);
            IllegalStateException e = new IllegalStateException("cannot save to http://ann:s3cret@broker.example/x"
                    + " with password=hunter2", new RuntimeException("sent Authorization: Bearer abcdef123456789"));
            e.addSuppressed(new java.io.IOException("{\"token\": \"tok-999\"}"));
            handler.uncaughtException(new Thread("orrery-work"), e);
            assertEquals(config.resolve("logs/orrery.0.log"), handler.logFile());
        }
        String text = log(config);
        assertTrue(text.contains("SEVERE Uncaught exception on thread \"orrery-work\""), text);
        assertTrue(text.contains("java.lang.IllegalStateException: cannot save to http://***@broker.example/x with"
                + " password=***"), text);
        assertTrue(text.contains("\tat io.orrery.workbench.FailureLogTest."), "the stack is there: " + text);
        assertTrue(text.contains("Caused by: java.lang.RuntimeException: sent Authorization: Bearer ***"), text);
        assertTrue(text.contains("\tSuppressed: java.io.IOException: {\"token\": ***}"), text);
        for (String secret : List.of("s3cret", "hunter2", "abcdef123456789", "tok-999")) {
            assertFalse(text.contains(secret), "no secret in the log: " + secret);
        }
        assertEquals(1, told.size());
        assertTrue(told.get(0).contains("IllegalStateException"), told.get(0));
        assertTrue(told.get(0).endsWith("The details are in the log: " + config.resolve("logs/orrery.0.log")),
                told.get(0));
        assertFalse(told.get(0).contains("hunter2"), "nor in what the user is told");
    }

    @Test
    void installedItCatchesWhatAThreadLetsThrough() throws Exception {
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        try (FailureLog log = FailureLog.open(config)) {
            FallbackExceptionHandler.install(log);
            Thread t = new Thread(() -> {
                throw new UnsupportedOperationException("thrown on a background thread");
            }, "orrery-brokers");
            t.start();
            t.join(20_000);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        String text = log(config);
        assertTrue(text.contains("on thread \"orrery-brokers\""), text);
        assertTrue(text.contains("java.lang.UnsupportedOperationException: thrown on a background thread"), text);
    }

    @Test
    void theLogIsKeptAcrossRestartsAndRotatedWithinItsLimit() throws Exception {
        try (FailureLog log = FailureLog.open(config)) {
            log.info("first run");
        }
        try (FailureLog log = FailureLog.open(config)) {
            log.info("second run");
        }
        String text = log(config);
        assertTrue(text.contains("first run") && text.contains("second run"), text);

        Path other = config.resolve("other");
        try (FailureLog log = FailureLog.open(other, 16 * 1024, 3)) {
            FallbackExceptionHandler handler = new FallbackExceptionHandler(log);
            for (int i = 0; i < 60; i++) {
                handler.uncaughtException(Thread.currentThread(), new IllegalStateException("failure " + i));
            }
        }
        try (Stream<Path> files = Files.list(other.resolve("logs"))) {
            assertEquals(List.of("orrery.0.log", "orrery.1.log", "orrery.2.log"), files.map(p -> p.getFileName()
                    .toString()).filter(n -> n.endsWith(".log")).sorted().toList(), "three files, no more");
        }
        String all = Files.readString(other.resolve("logs/orrery.0.log"))
                + Files.readString(other.resolve("logs/orrery.1.log"))
                + Files.readString(other.resolve("logs/orrery.2.log"));
        assertTrue(all.contains("failure 59" + System.lineSeparator()), "the newest are kept");
        assertFalse(all.contains("failure 0" + System.lineSeparator()), "the oldest have gone");
    }

    @Test
    void withoutALogOrWithATellThatFailsTheHandlerStillNeverThrows() {
        FallbackExceptionHandler bare = new FallbackExceptionHandler(null);
        List<String> told = new CopyOnWriteArrayList<>();
        bare.tellWith(told::add);
        assertDoesNotThrow(() -> bare.uncaughtException(Thread.currentThread(), new NullPointerException()));
        assertEquals(List.of("Orrery ran into an unexpected error (NullPointerException). What it was doing may not"
                + " have finished."), told);
        bare.tellWith(m -> {
            throw new IllegalStateException("Toolkit has exited");
        });
        assertDoesNotThrow(() -> bare.uncaughtException(Thread.currentThread(), new IllegalStateException("x")));
    }

    @Test
    void secretsAreMaskedInTheirUsualSpellings() {
        assertEquals("token: ***", FailureLog.redact("token: abc.def"));
        assertEquals("--token=*** next", FailureLog.redact("--token=abc next"));
        assertEquals("{\"password\":***, \"user\": \"ann\"}", FailureLog.redact("{\"password\":\"a b\", \"user\": \"ann\"}"));
        assertEquals("Authorization: Basic ***", FailureLog.redact("Authorization: Basic YW5uOnMzY3JldA=="));
        assertEquals("header Bearer ***", FailureLog.redact("header Bearer eyJhbGciOiJIUzI1NiJ9.e30.x"));
        assertEquals("https://***@example.org/sessions/1", FailureLog.redact("https://ann:pw@example.org/sessions/1"));
        assertEquals("the broker at https://example.org/ said NO (3 tokens left)",
                FailureLog.redact("the broker at https://example.org/ said NO (3 tokens left)"), "plain words stay");
    }
}
