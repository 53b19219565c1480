package io.orrery.client;

import io.orrery.CliRun;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Command-line tests that never touch the user's real configuration: the broker list lives in a temporary directory. */
abstract class TempConfigCliTest {
    @TempDir
    Path config;

    @BeforeEach
    void useTempConfig() {
        System.setProperty("orrery.config.dir", config.toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty("orrery.config.dir");
    }

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** A run with this text on standard input (a password or token for 'brokers add'). */
    static CliRun runWithInput(String input, String... args) {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            return CliRun.of(args);
        } finally {
            System.setIn(stdin);
        }
    }

    static String sample(String name) {
        return Path.of(System.getProperty("orrery.samples", "sample-tasks")).resolve(name).toString();
    }
}
