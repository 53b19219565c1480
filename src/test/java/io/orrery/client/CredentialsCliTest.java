package io.orrery.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.CliRun;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.cli.OrreryCommand;
import io.orrery.server.BrokerServer;
import io.orrery.server.PasswordHash;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;

/**
 * offers, accept, reject, cancel and watch against real 'orrery serve' brokers that want credentials on every
 * request: HTTP Basic accounts (--users) and bearer tokens (--token-file), registered with 'orrery brokers add'.
 */
class CredentialsCliTest extends TempConfigCliTest {
    @TempDir
    Path files;

    @Test
    void basicAccountsWorkForEveryCommand() throws Exception {
        Path users = Files.writeString(files.resolve("users"),
                "carol:" + PasswordHash.hash("carol-password".toCharArray()) + "\n");
        try (BrokerServer server = BrokerServer.start(BrokerServer.Options.of(PlatformCatalog.find("cloud").orElseThrow())
                .auth(null, users))) {
            CliRun added = runWithInput("carol-password\n", "brokers", "add", "secure", server.baseUrl(), "--user", "carol");
            assertEquals(0, added.code(), added.err());
            everyCommandWorks("carol-password");
        }
    }

    @Test
    void bearerTokensWorkForEveryCommand() throws Exception {
        Path tokens = Files.writeString(files.resolve("tokens"), "alice s3cret-alice-token\n");
        try (BrokerServer server = BrokerServer.start(BrokerServer.Options.of(PlatformCatalog.find("cloud").orElseThrow())
                .auth(tokens, null))) {
            CliRun added = runWithInput("s3cret-alice-token\n", "brokers", "add", "secure", server.baseUrl(), "--token");
            assertEquals(0, added.code(), added.err());
            everyCommandWorks("s3cret-alice-token");
        }
    }

    /** Asks the registered broker "secure"; accepts, watches and cancels one offer, rejects another. */
    private void everyCommandWorks(String secret) throws Exception {
        String accepted = firstOffer();
        CliRun accept = run("accept", accepted);
        assertEquals(0, accept.code(), accept.out() + accept.err());

        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        StringWriter watchErr = new StringWriter();
        CommandLine watch = OrreryCommand.commandLine();
        watch.setOut(new PrintWriter(new LineSink(lines), true));
        watch.setErr(new PrintWriter(watchErr, true));
        CompletableFuture<Integer> watching = CompletableFuture.supplyAsync(
                () -> watch.execute("watch", accepted, "--interval", "PT0.05S"));
        assertNotNull(lines.poll(20, TimeUnit.SECONDS), "watch reads the session: " + watchErr);

        CliRun cancel = run("cancel", accepted);
        assertEquals(0, cancel.code(), cancel.out() + cancel.err());
        assertTrue(cancel.out().contains("CANCELLED"), cancel.out());
        assertEquals(1, watching.get(20, TimeUnit.SECONDS), "watch ends on CANCELLED (exit 1 for any end but COMPLETED): "
                + lines + watchErr);
        assertTrue(String.join("\n", lines).contains("CANCELLED"), lines.toString());

        CliRun reject = run("reject", firstOffer());
        assertEquals(0, reject.code(), reject.out() + reject.err());
        assertTrue(reject.out().contains("REJECTED"), reject.out());
        for (String shown : java.util.List.of(accept.out(), accept.err(), cancel.out(), cancel.err(), reject.out(),
                reject.err(), watchErr.toString(), String.join("\n", lines), run("brokers", "list").out())) {
            assertFalse(shown.contains(secret), "the secret is never shown: " + shown);
        }
        HttpBroker.closeIdleConnections();
    }

    private String firstOffer() {
        CliRun offers = run("offers", sample("01-minimal-container.yaml"), "--broker", "secure", "--json");
        assertEquals(0, offers.code(), offers.out() + offers.err());
        return JsonMapper.builder().build().readTree(offers.out()).path("offers").get(0).path("url").asString();
    }

    /** Standard output handed on line by line, so a test can wait for a command running in another thread. */
    private static final class LineSink extends Writer {
        private final BlockingQueue<String> lines;
        private final StringBuilder line = new StringBuilder();

        LineSink(BlockingQueue<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(char[] buf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (buf[i] == '\n') {
                    lines.add(line.toString());
                    line.setLength(0);
                } else {
                    line.append(buf[i]);
                }
            }
        }

        @Override
        public void flush() {
            // lines are handed on as they end
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
