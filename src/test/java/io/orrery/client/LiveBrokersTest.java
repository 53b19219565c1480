package io.orrery.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.clock.VirtualClock;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.cli.OrreryCommand;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.SessionPhase;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import io.orrery.server.BrokerServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The client against several real orrery serve brokers on loopback, a silent one and a dead one. */
class LiveBrokersTest {
    private static final Instant T0 = Instant.parse("2027-02-28T12:00:00Z");
    private final List<BrokerServer> servers = new ArrayList<>();
    private final VirtualClock clock = new VirtualClock(T0);
    private ServerSocket silent;

    @BeforeEach
    void start() throws Exception {
        for (String p : List.of("laptop", "budget", "cloud")) {
            servers.add(BrokerServer.start(BrokerServer.Options.of(PlatformCatalog.find(p).orElseThrow()).clock(clock)));
        }
        silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stop() throws Exception {
        HttpBroker.closeIdleConnections();
        servers.forEach(BrokerServer::close);
        silent.close();
    }

    static ExecutionRequest task(String name) throws Exception {
        Path p = Path.of(System.getProperty("orrery.samples", "sample-tasks")).resolve(name);
        return WireCodec.readAs(Files.readString(p), Format.YAML, ExecutionRequest.class);
    }

    private HttpBroker http(String name, String url, Duration read) {
        return new HttpBroker(BrokerConfig.of(name, url).withTimeouts(Duration.ofMillis(500), read), clock);
    }

    @Test
    void fanOutGetsEveryAnswerAndTheSilentAndDeadOnesDoNotHoldItUp() throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0)) {
            dead = s.getLocalPort();
        }
        List<Broker> brokers = new ArrayList<>();
        for (BrokerServer s : servers) {
            brokers.add(http(s.core().platform().name(), s.baseUrl(), Duration.ofSeconds(10)));
        }
        brokers.add(http("silent", "http://127.0.0.1:" + silent.getLocalPort(), Duration.ofMillis(1500)));
        brokers.add(http("dead", "http://127.0.0.1:" + dead, Duration.ofSeconds(10)));
        // the order in which answers arrive says who waited for whom, without timing anything
        List<String> arrived = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Outcome> outcomes = FanOut.ask(brokers, task("01-minimal-container.yaml"), o -> arrived.add(o.broker()))
                .get(20, TimeUnit.SECONDS);
        for (int i = 0; i < 3; i++) {
            Outcome o = outcomes.get(i);
            assertInstanceOf(Outcome.Offers.class, o, o.toString());
            assertTrue(arrived.indexOf(o.broker()) < arrived.indexOf("silent"), o.broker() + " waited for the silent"
                    + " broker: " + arrived);
        }
        assertEquals(BrokerError.Kind.TIMEOUT, ((Outcome.Failed) outcomes.get(3)).error().kind());
        assertEquals(BrokerError.Kind.UNREACHABLE, ((Outcome.Failed) outcomes.get(4)).error().kind());
        assertTrue(arrived.indexOf("dead") < arrived.indexOf("silent"), "the dead broker fails before the silent one"
                + " times out: " + arrived);
        assertEquals("silent", arrived.get(arrived.size() - 1), "the silent broker is the last: " + arrived);
        var rows = io.orrery.client.compare.Comparison.of(task("01-minimal-container.yaml"), outcomes, clock.instant(),
                io.orrery.client.compare.Rank.EARLIEST_START);
        assertTrue(rows.size() >= 6 && rows.stream().anyMatch(r -> r.paretoBest()), rows.toString());
    }

    @Test
    void acceptThenWatchToCompletedAndCancel() throws Exception {
        HttpBroker cloud = http("cloud", servers.get(2).baseUrl(), Duration.ofSeconds(5));
        Outcome.Offers offers = (Outcome.Offers) cloud.ask(task("01-minimal-container.yaml")).get(5, TimeUnit.SECONDS);
        String url = offers.offerSet().offers().get(0).meta().url();
        UpdateResult accepted = cloud.update(url, SessionPhase.ACCEPTED);
        assertTrue(accepted.applied(), String.valueOf(accepted.warning()));
        Thread ticker = new Thread(() -> {
            for (int i = 0; i < 400 && !Thread.currentThread().isInterrupted(); i++) {
                clock.advance(Duration.ofMinutes(5));
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        ticker.start();
        StringWriter out = new StringWriter();
        CommandLine cl = OrreryCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        int code = cl.execute("watch", url, "--interval", "PT0.05S");
        ticker.interrupt();
        assertEquals(0, code, out.toString());
        String watched = out.toString();
        assertTrue(watched.contains("RUNNING") && watched.strip().endsWith("(executable COMPLETED, compute COMPLETED)"),
                watched);

        Outcome.Offers more = (Outcome.Offers) cloud.ask(task("01-minimal-container.yaml")).get(5, TimeUnit.SECONDS);
        String second = more.offerSet().offers().get(0).meta().url();
        cloud.update(second, SessionPhase.ACCEPTED);
        UpdateResult cancelled = cloud.update(second, SessionPhase.CANCELLED);
        assertTrue(cancelled.applied());
        assertEquals("CANCELLED", cancelled.reread().phase());
        BrokerError twice = org.junit.jupiter.api.Assertions.assertThrows(BrokerError.class,
                () -> cloud.update(url, SessionPhase.CANCELLED));
        assertEquals(BrokerError.Kind.CONFLICT, twice.kind(), "a completed session cannot be cancelled");
    }

    @Test
    void builtInBrokersNeedNoServer() throws Exception {
        try (LocalBroker local = new LocalBroker("builtin:laptop", PlatformCatalog.find("laptop").orElseThrow(),
                Clock.systemUTC())) {
            Outcome o = local.ask(task("01-minimal-container.yaml")).get();
            assertInstanceOf(Outcome.Offers.class, o);
            String url = ((Outcome.Offers) o).offerSet().offers().get(0).meta().url();
            assertTrue(url.startsWith("builtin:laptop/sessions/"), url);
            assertEquals("ACCEPTED", local.update(url, SessionPhase.ACCEPTED).reread().phase());
        }
    }
}
