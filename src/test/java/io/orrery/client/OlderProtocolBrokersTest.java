package io.orrery.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.orrery.broker.clock.VirtualClock;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.client.compare.OfferChecks;
import io.orrery.client.legacy.OpenOffer;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.ExecutionSession;
import io.orrery.model.SessionPhase;
import io.orrery.model.SimpleCompute;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import io.orrery.server.BrokerServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's brokers of the older protocols, over real HTTP on loopback: against {@code orrery serve} (which
 * answers both), and against a 2021 peer replaying the historical answer, which gives no times.
 */
class OlderProtocolBrokersTest {
    private static final Instant NOW = Instant.parse("2027-02-28T12:00:00Z");
    private static final String TASK = """
            executable:
              kind: https://www.purl.org/ivoa.net/Calycopis-openapi/schema/v1.0/kinds/executable/docker-container.yaml
              meta: {name: sourcefinder}
              image: {locations: ["astroimaging/sourcefinder:3.4"]}
              command: ["input.fits", "--maxiter", "1000", "--gaussians"]
            compute:
              kind: https://www.purl.org/ivoa.net/Calycopis-openapi/schema/v1.0/kinds/compute/simple-compute-resource.yaml
              cores: {min: CORES}
              memory: {min: 8, max: 16}
            schedule:
              requested: {duration: PT1H}
            """;

    private BrokerServer server;
    private VirtualClock clock;
    private HttpServer peer;

    @BeforeEach
    void start() throws IOException {
        clock = new VirtualClock(NOW);
        server = BrokerServer.start(BrokerServer.Options.of(PlatformCatalog.find("cloud").orElseThrow()).clock(clock));
    }

    @AfterEach
    void stop() {
        HttpBroker.closeIdleConnections();
        server.close();
        if (peer != null) {
            peer.stop(0);
        }
    }

    private static ExecutionRequest task(long cores) {
        return WireCodec.readAs(TASK.replace("CORES", String.valueOf(cores)), Format.YAML, ExecutionRequest.class);
    }

    private Broker broker(Protocol p, String url) {
        return Brokers.of(BrokerConfig.of(p.id(), url).withProtocol(p), clock);
    }

    @Test
    void aCanIDoThisYesFromOrreryIsAnOfferWithItsTimesButNothingToAccept() {
        try (Broker b = broker(Protocol.CANIDOTHIS, server.baseUrl() + "/canidothis")) {
            Outcome o = b.ask(task(2)).join();
            Outcome.Offers yes = assertInstanceOf(Outcome.Offers.class, o, o.toString());
            ExecutionSession offer = yes.offerSet().offers().get(0);
            assertNull(offer.meta().url(), "the 2021 protocol has no accept: nowhere to send one");
            assertTrue(SessionActions.of(offer).isEmpty());
            assertTrue(OpenOffer.note(offer.meta()).isEmpty(), "Orrery names a start in serviceinfo: not open");
            var slot = OfferChecks.slot(offer).orElseThrow();
            assertTrue(!slot.start().isBefore(NOW), slot.toString());
            assertEquals(Duration.ofHours(1), slot.duration());
            SimpleCompute c = (SimpleCompute) offer.compute();
            assertTrue(c.cores().min() >= 2, c.toString());
            assertEquals("sourcefinder", offer.executable().meta().name());
            BrokerError e = assertThrows(BrokerError.class, () -> b.update("http://x/sessions/1", SessionPhase.ACCEPTED));
            assertEquals(BrokerError.Kind.REFUSED, e.kind());
            assertTrue(e.getMessage().contains("no accept"), e.getMessage());
        }
    }

    @Test
    void aCanIDoThisNoForAnImpossibleSizeCarriesTheReason() {
        try (Broker b = broker(Protocol.CANIDOTHIS, server.baseUrl())) {
            Outcome.No no = assertInstanceOf(Outcome.No.class, b.ask(task(100_000)).join());
            assertTrue(String.join(" ", no.reasons()).contains("core"), no.reasons().toString());
        }
    }

    @Test
    void aPythonProgramIsAskedAsTheReportsTaskTypeAndRefusedWithTheReasonWhereItDoesNotRun() throws IOException {
        ExecutionRequest program = WireCodec.readAs(java.nio.file.Files.readString(java.nio.file.Path.of(
                System.getProperty("orrery.samples", "sample-tasks"), "22-python-program.yaml")), Format.YAML,
                ExecutionRequest.class);
        try (Broker b = broker(Protocol.CANIDOTHIS, server.baseUrl())) {
            Outcome.No no = assertInstanceOf(Outcome.No.class, b.ask(program).join(), "cloud runs no Python programs");
            assertTrue(String.join(" ", no.reasons()).contains("python-program"), no.reasons().toString());
        }
    }

    @Test
    void aRequestTheProtocolHasNoWordsForIsNotAsked() {
        ExecutionRequest notebookless = WireCodec.readAs("""
                executable:
                  kind: https://example.org/kinds/executable/zeppelin-notebook.yaml
                  meta: {name: z}
                """, Format.YAML, ExecutionRequest.class);
        for (Protocol p : List.of(Protocol.CANIDOTHIS, Protocol.SRCNET_COMPUTE)) {
            try (Broker b = broker(p, server.baseUrl())) {
                Outcome.Failed f = assertInstanceOf(Outcome.Failed.class, b.ask(notebookless).join());
                assertEquals(BrokerError.Kind.REFUSED, f.error().kind());
                assertTrue(f.error().getMessage().startsWith("not asked:"), f.error().getMessage());
            }
        }
    }

    @Test
    void aHistoricalYesWithoutTimesIsAnOpenOfferFromTheAnswerNarrowedAsTheBrokerSaid() throws IOException {
        AtomicReference<String> asked = new AtomicReference<>();
        String url = replay(asked, """
                {"reponseword": "YES", "servicetype": "uri://docker-container",
                 "serviceinfo": {"endpoint": "https://k8s.example.org/api"}, "resources": {"maxcores": 3}}""");
        try (Broker b = broker(Protocol.CANIDOTHIS, url)) {
            Outcome.Offers yes = assertInstanceOf(Outcome.Offers.class, b.ask(task(2)).join());
            ExecutionSession offer = yes.offerSet().offers().get(0);
            assertTrue(OpenOffer.note(offer.meta()).isPresent(), "no times: an open offer");
            var slot = OfferChecks.slot(offer).orElseThrow();
            assertEquals(NOW, slot.start(), "drawn from the time of the answer");
            assertEquals(Duration.ofHours(1), slot.duration(), "for the length asked");
            assertEquals(3, ((SimpleCompute) offer.compute()).cores().max(), "narrowed as the answer said");
            assertTrue(OfferChecks.flags(task(2), offer, NOW).stream().anyMatch(f -> f.startsWith(OpenOffer.FLAG)));
            assertTrue(offer.meta().description().contains("https://k8s.example.org/api"));
        }
        String question = asked.get();
        assertTrue(question.contains("\"tasktype\":\"uri://docker-container\""), question);
        assertTrue(question.contains("\"image\":\"astroimaging/sourcefinder:3.4\""), question);
        assertTrue(question.contains("\"minmemory\":\"8G\"") && question.contains("\"minduration\":\"60m\""), question);
    }

    @Test
    void aNoInTheCorrectedSpellingAndAnAnswerInNeitherAreToldApart() throws IOException {
        String no = replay(new AtomicReference<>(), """
                {"responseword": "NO", "reason": "no GPUs here"}""");
        try (Broker b = broker(Protocol.CANIDOTHIS, no)) {
            Outcome.No n = assertInstanceOf(Outcome.No.class, b.ask(task(2)).join());
            assertEquals(List.of("no GPUs here"), n.reasons());
        }
        peer.stop(0);
        String odd = replay(new AtomicReference<>(), "{\"answer\": \"maybe\"}");
        try (Broker b = broker(Protocol.CANIDOTHIS, odd)) {
            Outcome.Failed f = assertInstanceOf(Outcome.Failed.class, b.ask(task(2)).join());
            assertEquals(BrokerError.Kind.PROTOCOL, f.error().kind());
            assertTrue(f.error().getMessage().contains("reponseword"), f.error().getMessage());
        }
    }

    @Test
    void anSrcnetOfferIsOpenAndAcceptingItProvisionsAndSubmitsTheJob() {
        try (Broker b = broker(Protocol.SRCNET_COMPUTE, server.baseUrl() + "/")) {
            Outcome.Offers yes = assertInstanceOf(Outcome.Offers.class, b.ask(task(2)).join());
            assertEquals(0, server.core().usage().bookings(), "a query holds nothing");
            ExecutionSession offer = yes.offerSet().offers().get(0);
            assertTrue(OpenOffer.note(offer.meta()).isPresent());
            assertEquals(List.of(SessionPhase.ACCEPTED), SessionActions.of(offer), "accept only: the API has no reject");
            assertEquals(offer, b.session(offer.meta().url()), "the offer is kept until it is accepted");

            UpdateResult r = b.update(offer.meta().url(), SessionPhase.ACCEPTED);
            assertTrue(r.applied());
            String status = r.reread().meta().url();
            assertTrue(status.matches(".*/provision/[0-9a-f-]{36}/status"), status);
            ExecutionSession job = b.session(status);
            assertTrue(job.phase().matches("ACCEPTED|WAITING|PREPARING|AVAILABLE|RUNNING"), job.phase());
            assertEquals("sourcefinder", job.executable().meta().name());
            assertEquals(1, server.core().usage().bookings(), "the provision booked the site");

            BrokerError cancel = assertThrows(BrokerError.class, () -> b.update(status, SessionPhase.CANCELLED));
            assertTrue(cancel.getMessage().contains("no cancel"), cancel.getMessage());
            BrokerError again = assertThrows(BrokerError.class, () -> b.update(offer.meta().url(), SessionPhase.ACCEPTED));
            assertEquals(BrokerError.Kind.NOT_FOUND, again.kind(), "an offer is accepted once");
        }
    }

    @Test
    void anSrcnetNoForAnImpossibleSizeSaysNotAvailable() {
        try (Broker b = broker(Protocol.SRCNET_COMPUTE, server.baseUrl())) {
            Outcome.No no = assertInstanceOf(Outcome.No.class, b.ask(task(100_000)).join());
            assertTrue(no.reasons().get(0).startsWith("not available"), no.reasons().toString());
        }
    }

    @Test
    void theSubmitSendsTheCommandAsTheParamsMapping() {
        assertEquals("{\"arg1\":\"input.fits\",\"--maxiter\":\"1000\",\"--gaussians\":\"True\",\"--snr\":\"10\"}",
                io.orrery.client.legacy.SrcnetQuestionAccess.params(List.of("input.fits", "--maxiter", "1000",
                        "--gaussians", "--snr=10")));
    }

    /** A 2021 peer on loopback that answers every question with the same bytes, keeping the last question. */
    private String replay(AtomicReference<String> asked, String answer) throws IOException {
        peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        peer.createContext("/", ex -> {
            asked.set(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        peer.start();
        assertNotNull(peer.getAddress());
        return "http://127.0.0.1:" + peer.getAddress().getPort() + "/canidothis";
    }
}
