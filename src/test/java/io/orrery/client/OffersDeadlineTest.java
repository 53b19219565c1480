package io.orrery.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.CliRun;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.server.BrokerServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 'orrery offers' keeps what it got: a live broker's offers survive a dead broker (closed port) and a silent one
 * (accepts the connection, never answers), which are listed as UNREACHABLE and TIMEOUT when --timeout expires.
 */
class OffersDeadlineTest extends TempConfigCliTest {
    private BrokerServer live;
    private ServerSocket silent;
    private String dead;

    @BeforeEach
    void start() throws Exception {
        live = BrokerServer.start(BrokerServer.Options.of(PlatformCatalog.find("cloud").orElseThrow()));
        // the kernel completes the handshake of up to 50 connections; nobody ever reads or answers them
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dead = "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    @AfterEach
    void stop() throws Exception {
        HttpBroker.closeIdleConnections();
        live.close();
        silent.close();
    }

    private String silentUrl() {
        return "http://127.0.0.1:" + silent.getLocalPort();
    }

    @Test
    void jsonKeepsTheAnswersAndSaysWhoFailedAndWhoTimedOut() throws Exception {
        CliRun r = run("offers", sample("01-minimal-container.yaml"), "--broker", live.baseUrl(), "--broker", dead,
                "--broker", silentUrl(), "--json", "--timeout", "PT3S");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.err().contains("orrery: null"), r.err());
        JsonNode json = JsonMapper.builder().build().readTree(r.out());
        assertTrue(json.path("offers").size() > 0, r.out());
        json.path("offers").forEach(o -> assertEquals(live.baseUrl(), o.path("broker").asString()));
        JsonNode brokers = json.path("brokers");
        assertEquals(3, brokers.size(), r.out());
        assertEquals("YES", brokers.get(0).path("result").asString());
        assertEquals("ERROR", brokers.get(1).path("result").asString());
        assertEquals("UNREACHABLE", brokers.get(1).path("error").asString());
        assertTrue(brokers.get(1).path("message").asString().contains("cannot be reached"), brokers.get(1).toString());
        assertEquals("ERROR", brokers.get(2).path("result").asString());
        assertEquals("TIMEOUT", brokers.get(2).path("error").asString(), "a silent broker is not unreachable");
        assertTrue(brokers.get(2).path("message").asString().startsWith("no answer within 3 s"), brokers.get(2).toString());
        assertTrue(r.err().contains(silentUrl() + ": timed out"), "progress says so too: " + r.err());
    }

    @Test
    void theTableListsThemTooAndAllFailedIsExitFour() {
        CliRun r = run("offers", sample("01-minimal-container.yaml"), "--broker", live.baseUrl(), "--broker", dead,
                "--broker", silentUrl(), "--timeout", "PT1S");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Pareto-best"), r.out());
        assertTrue(r.out().contains(dead + " failed: " + dead + " cannot be reached"), r.out());
        assertTrue(r.out().contains(silentUrl() + " timed out: no answer within 1 s"), r.out());
        CliRun none = run("offers", sample("01-minimal-container.yaml"), "--broker", dead, "--broker", silentUrl(),
                "--timeout", "PT0.5S");
        assertEquals(4, none.code(), none.out() + none.err());
        assertTrue(none.out().contains("no answer within 0.5 s"), none.out());
        assertEquals(2, run("offers", sample("01-minimal-container.yaml"), "--broker", dead, "--timeout", "PT0S").code());
    }

    @Test
    void aRegisteredReadTimeoutLongerThanTheDeadlineGivesWayToIt() throws Exception {
        BrokerRegistry registry = BrokerRegistry.load(config);
        registry.put(BrokerConfig.of("quiet", silentUrl()).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30)));
        registry.save();
        Broker quiet = Brokers.open("quiet", BrokerRegistry.load(config), Clock.systemUTC(), Duration.ofSeconds(1));
        Outcome.Failed f = assertInstanceOf(Outcome.Failed.class, quiet.ask(LiveBrokersTest.task("01-minimal-container.yaml"))
                .get(20, java.util.concurrent.TimeUnit.SECONDS), "the broker's own read timeout is cut to the deadline");
        assertEquals(BrokerError.Kind.TIMEOUT, f.error().kind(), f.error().getMessage());
        assertTrue(f.error().getMessage().startsWith("no answer within 1 s for offers"), f.error().getMessage());
    }

    @Test
    void theDeadlineKeepsWhatArrivedAndReportsTheRestAsItGoes() throws Exception {
        List<Broker> brokers = new ArrayList<>(List.of(
                new HttpBroker(BrokerConfig.of("live", live.baseUrl()), Clock.systemUTC()),
                new HttpBroker(BrokerConfig.of("silent", silentUrl()), Clock.systemUTC())));
        Map<String, Outcome> seen = new ConcurrentHashMap<>();
        List<Outcome> outcomes = FanOut.within(brokers, LiveBrokersTest.task("01-minimal-container.yaml"),
                o -> seen.put(o.broker(), o), Duration.ofSeconds(1));
        assertInstanceOf(Outcome.Offers.class, outcomes.get(0));
        Outcome.Failed f = assertInstanceOf(Outcome.Failed.class, outcomes.get(1));
        assertEquals(BrokerError.Kind.TIMEOUT, f.error().kind());
        assertEquals("no answer within 1 s", f.error().getMessage());
        assertEquals(Map.of("live", outcomes.get(0), "silent", f), seen, "onEach saw each once, the timeout too");
    }
}
