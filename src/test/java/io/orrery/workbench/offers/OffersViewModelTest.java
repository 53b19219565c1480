package io.orrery.workbench.offers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Fixtures;
import io.orrery.client.ShiftedClock;
import io.orrery.client.Captures;
import io.orrery.client.Credentials;
import io.orrery.client.Outcome;
import io.orrery.client.compare.Comparison;
import io.orrery.client.compare.OfferRow;
import io.orrery.client.compare.Rank;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.SessionPhase;
import io.orrery.workbench.UiThread;
import io.orrery.workbench.brokers.BrokersViewModel;
import io.orrery.workbench.brokers.Health;
import io.orrery.workbench.timeline.Lane;
import io.orrery.workbench.timeline.Span;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Asking the built-in brokers (and a dead remote one) and comparing, without the toolkit. */
class OffersViewModelTest {
    @TempDir
    Path config;

    private final UiThread ui = new UiThread();
    private final ExecutorService work = Executors.newCachedThreadPool();
    private BrokersViewModel brokers;
    private OffersViewModel offers;

    @BeforeEach
    void setUp() throws Exception {
        brokers = new BrokersViewModel(config, new ShiftedClock(Clock.systemUTC(), Duration.ZERO));
        offers = new OffersViewModel(ui, work, brokers.offlineClock());
    }

    @AfterEach
    void tearDown() {
        brokers.close();
        work.shutdownNow();
        ui.close();
    }

    private List<Outcome> ask(ExecutionRequest request, List<String> names) throws Exception {
        List<Outcome> seen = new ArrayList<>();
        ui.call(() -> {
            offers.ask(request, names, n -> brokers.brokerFor(n, n), o -> {
                seen.add(o);
                brokers.record(o, brokers.offlineClock().instant());
            });
            return null;
        });
        ui.await(() -> offers.pendingProperty().get() == 0 && seen.size() == names.size());
        return seen;
    }

    @Test
    void theBuiltInBrokersFillTheTableRankedWithNoReasonsListed() throws Exception {
        List<String> names = List.of("builtin:laptop", "builtin:cloud", "builtin:budget", "builtin:green-hpc");
        ask(Fixtures.sample("11-32-cores-4-hours.yaml"), names);
        List<OfferRow> rows = ui.call(() -> List.copyOf(offers.rows()));
        assertTrue(rows.size() >= 6, "offers from three brokers: " + rows.size());
        assertTrue(rows.stream().noneMatch(r -> r.broker().equals("builtin:laptop")), "8 cores cannot give 32");
        List<OfferRow> byStart = new ArrayList<>(rows);
        byStart.sort(Rank.EARLIEST_START.order());
        assertEquals(byStart, rows, "ranked by earliest start");
        assertTrue(rows.stream().anyMatch(OfferRow::paretoBest));
        List<Refusal> refusals = ui.call(() -> List.copyOf(offers.refusals()));
        assertEquals(1, refusals.size());
        assertEquals("builtin:laptop", refusals.get(0).broker());
        assertFalse(refusals.get(0).error());
        assertTrue(refusals.get(0).text().contains("cores"), refusals.get(0).text());
        assertEquals(Health.REACHABLE, brokers.entry("builtin:cloud").orElseThrow().healthProperty().get());

        ui.call(() -> {
            offers.rankProperty().set(Rank.LOWEST_COST);
            return null;
        });
        List<OfferRow> byCost = ui.call(() -> List.copyOf(offers.rows()));
        assertTrue(byCost.get(0).cost(Comparison.MONETARY)
                <= byCost.get(byCost.size() - 1).cost(Comparison.MONETARY));
        assertEquals(List.of(SessionPhase.ACCEPTED, SessionPhase.REJECTED), ui.call(() -> offers.actions(rows.get(0))),
                "the broker's options for an offer");
    }

    @Test
    void aDeadRemoteBrokerFailsWithoutHoldingUpTheOthers() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        var entry = brokers.add("dead", "http://127.0.0.1:" + port, Credentials.NONE);
        ui.call(() -> {
            brokers.show(entry);
            return null;
        });
        List<Outcome> seen = ask(Fixtures.sample("01-minimal-container.yaml"), List.of("dead", "builtin:cloud"));
        assertEquals(2, seen.size());
        assertTrue(seen.stream().anyMatch(o -> o instanceof Outcome.Failed f && f.broker().equals("dead")));
        assertEquals(Health.FAILING, brokers.entry("dead").orElseThrow().healthProperty().get());
        assertTrue(ui.call(() -> offers.rows().stream().allMatch(r -> r.broker().equals("builtin:cloud"))));
        Refusal r = ui.call(() -> offers.refusals().get(0));
        assertTrue(r.error() && r.text().startsWith("dead failed"), r.text());
        assertTrue(Files.readString(config.resolve("brokers.yaml")).contains("127.0.0.1:" + port),
                "added brokers are saved where 'orrery brokers' finds them");
    }

    @Test
    void flagsCoverBrokenRequestsAndCaps() throws Exception {
        ask(Fixtures.sample("14-cost-and-carbon-caps.yaml"), List.of("builtin:cloud", "builtin:budget", "builtin:green-hpc"));
        List<OfferRow> rows = ui.call(() -> List.copyOf(offers.rows()));
        for (OfferRow r : rows) {
            List<String> flags = ui.call(() -> offers.flags(r));
            assertEquals(!r.withinCaps(), flags.stream().anyMatch(f -> f.contains("over your cap")
                    || f.contains("under your floor")), r + " " + flags);
        }
    }

    @Test
    void theBrokersOwnWarningsAreFlaggedOnceOnItsOffers() throws Exception {
        Captures.Answer yes = Captures.yesWithWarnings();
        try (MockWebServer mock = new MockWebServer()) {
            mock.enqueue(new MockResponse.Builder().code(yes.status()).addHeader("Content-Type", yes.contentType())
                    .body(yes.body()).build());
            mock.start(java.net.InetAddress.getLoopbackAddress(), 0);
            var entry = brokers.add("warner", mock.url("/").toString(), Credentials.NONE);
            ui.call(() -> {
                brokers.show(entry);
                return null;
            });
            ask(Fixtures.sample("01-minimal-container.yaml"), List.of("warner"));
            List<OfferRow> rows = ui.call(() -> List.copyOf(offers.rows()));
            assertEquals(3, rows.size());
            int onOne = 0;
            for (OfferRow r : rows) {
                List<String> flags = ui.call(() -> offers.flags(r));
                assertEquals(1, flags.stream().filter(f -> f.contains("Memory [3]")).count(), "once, in full: " + flags);
                assertTrue(flags.contains(Captures.SET_WARNING), flags.toString());
                onOne += flags.contains(Captures.OFFER_WARNING) ? 1 : 0;
            }
            assertEquals(1, onOne, "the warning about one offer is on that offer only");
        }
    }

    @Test
    void lanesGroupOffersByBrokerWithTheirPartsAndShowNo() throws Exception {
        ExecutionRequest request = Fixtures.sample("11-32-cores-4-hours.yaml");
        ask(request, List.of("builtin:laptop", "builtin:cloud"));
        OfferLanes.Content c = ui.call(() -> OfferLanes.of(request, List.copyOf(offers.outcomes()),
                List.copyOf(offers.rows()), offers::flags));
        assertTrue(c.lanes().stream().anyMatch(l -> l.kind() == Lane.Kind.NO && l.group().equals("builtin:laptop")
                && l.note().contains("cores")));
        long cloudLanes = c.lanes().stream().filter(l -> l.group().equals("builtin:cloud")).count();
        assertEquals(c.bars().size(), cloudLanes, "one lane per offer");
        var bar = c.bars().get(0);
        assertEquals(List.of(Span.Kind.PREPARING, Span.Kind.AVAILABLE, Span.Kind.RELEASING),
                bar.spans().stream().map(Span::kind).toList());
        assertTrue(bar.expires() != null && bar.tooltip().contains("cores"));
        var starts = c.bars().stream().map(b -> b.spans().get(1).start()).toList();
        assertEquals(starts.stream().sorted(Comparator.naturalOrder()).toList(), starts, "earliest first in a group");
    }

    @Test
    void warnsOncePerBrokerWhenOffersNearExpiry() throws Exception {
        ShiftedClock clock = brokers.offlineClock();
        ask(Fixtures.sample("01-minimal-container.yaml"), List.of("builtin:laptop"));
        assertTrue(ui.call(offers::expiryWarnings).isEmpty(), "laptop offers live two minutes");
        OfferRow first = ui.call(() -> offers.rows().get(0));
        clock.skipTo(first.expires().minusSeconds(30));
        ui.call(() -> {
            offers.clockMoved();
            return null;
        });
        assertEquals(OfferState.EXPIRING, ui.call(() -> offers.state(first)));
        List<String> w = ui.call(offers::expiryWarnings);
        assertEquals(1, w.size());
        assertTrue(w.get(0).contains("builtin:laptop") && w.get(0).contains("under a minute"), w.get(0));
        assertTrue(ui.call(offers::expiryWarnings).isEmpty(), "once");
        clock.skipTo(first.expires().plusSeconds(1));
        assertTrue(ui.call(() -> offers.actions(first)).isEmpty(), "an expired offer cannot be accepted");
        ui.call(() -> {
            offers.tick();
            return null;
        });
        assertEquals(OfferState.EXPIRED, ui.call(() -> offers.state(first)), "a tick sees it expired");
        assertEquals("expired", ui.call(() -> offers.stateText(first)));
        assertTrue(ui.call(() -> offers.timeLeft(first)).orElseThrow().isNegative());
    }

    @Test
    void aNewAskDropsLateAnswersOfTheOldOne() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        List<Outcome> first = new java.util.concurrent.CopyOnWriteArrayList<>();
        ui.call(() -> {
            // the first ask's broker opens only once the second ask has answered: its answer comes late
            offers.ask(Fixtures.sample("01-minimal-container.yaml"), List.of("builtin:laptop"), n -> {
                try {
                    release.await(20, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return brokers.brokerFor(n, n);
            }, first::add);
            return null;
        });
        ask(Fixtures.sample("11-32-cores-4-hours.yaml"), List.of("builtin:cloud"));
        release.countDown();
        // the first ask's call runs to its end on the io threads (a built-in broker answers within the call), handing
        // its late answer to the ui thread as it ends; once io has finished, the checks below run after that answer
        work.shutdown();
        assertTrue(work.awaitTermination(20, java.util.concurrent.TimeUnit.SECONDS), "the late broker's call completed");
        assertTrue(ui.call(() -> !offers.rows().isEmpty() && offers.rows().stream()
                .allMatch(r -> r.broker().equals("builtin:cloud") && r.cores() == 32)), "only the second ask's offers");
        assertTrue(first.isEmpty(), "the late answer was dropped, not handed on");
        assertEquals(1, ui.call(() -> offers.outcomes().size()));
    }

    @Test
    void eachBrokersOffersAreJudgedByItsOwnClock() throws Exception {
        ShiftedClock offline = brokers.offlineClock();
        offers = new OffersViewModel(ui, work, Clock.systemUTC(),
                name -> name.startsWith("builtin:") ? offline : Clock.systemUTC());
        ask(Fixtures.sample("01-minimal-container.yaml"), List.of("builtin:laptop"));
        OfferRow first = ui.call(() -> offers.rows().get(0));
        assertTrue(ui.call(() -> offers.skew("builtin:laptop")).abs().compareTo(Duration.ofSeconds(1)) < 0,
                "before any skip the clocks agree");
        offline.skipTo(first.expires().plusSeconds(5));
        assertEquals(OfferState.OPEN, ui.call(() -> offers.state(first)), "judged as of the last look at the clocks");
        ui.call(() -> {
            offers.clockMoved();
            return null;
        });
        assertTrue(ui.call(() -> offers.timeLeft(first)).orElseThrow().isNegative(),
                "expired on the built-in broker's clock, though not on the real one");
        assertTrue(ui.call(() -> offers.actions(first)).isEmpty());
        assertTrue(ui.call(() -> offers.skew("builtin:laptop")).compareTo(Duration.ofSeconds(60)) > 0);
        assertTrue(ui.call(() -> offers.skew("remote")).abs().compareTo(Duration.ofSeconds(1)) < 0,
                "remote brokers run on real time");
        OfferLanes.Content c = ui.call(() -> OfferLanes.of(offers.request().orElseThrow(), List.copyOf(offers.outcomes()),
                List.copyOf(offers.rows()), offers::flags, offers::skew));
        assertTrue(c.bars().get(0).expires().isBefore(first.expires()), "the expiry moves onto the chart's clock");
    }
}
