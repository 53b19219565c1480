package io.orrery.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.clock.VirtualClock;
import io.orrery.client.compare.Comparison;
import io.orrery.client.compare.OfferRow;
import io.orrery.client.compare.Rank;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.SessionPhase;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reference brokers replayed from their captured answers: each quirk of peers.md (g) and peers-2026-08.md (h)
 * handled by the client.
 */
class ReferenceQuirksTest {
    private static final String D2 = """
            {"executable": {"kind": "https://www.purl.org/ivoa.net/Calycopis-openapi/schema/v1.0/kinds/executable/docker-container.yaml",
             "meta": {"name": "my-container"}, "image": {"locations": ["ghcr.io/ivoa/oligia-webtop:ubuntu-2022.01.13"],
             "digest": "sha256:abcdef1234567890abcdef1234567890abcdef1234567890abcdef1234567890"}},
             "compute": {"kind": "https://www.purl.org/ivoa.net/Calycopis-openapi/schema/v1.0/kinds/compute/simple-compute-resource.yaml",
             "meta": {"name": "my-compute"}, "cores": {"min": 2, "max": 4}, "memory": {"min": 3, "max": 8}},
             "schedule": {"requested": {"start": "2026-11-21T21:22:16Z/PT1H", "duration": "PT20M"}},
             "costs": [{"kind": "https://www.purl.org/ivoa.net/Calycopis-openapi/schema/v1.0/kinds/costs/simple-minmax-float-cost.yaml",
                        "type": "urn:ivoa:calycopis:cost:monetary", "max": 0.5}]}
            """;
    private MockWebServer mock;
    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-21T21:20:20Z"));

    @BeforeEach
    void start() throws Exception {
        mock = new MockWebServer();
        mock.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    private String base() {
        return mock.url("/").toString().replaceAll("/$", "");
    }

    private void answer(Captures.Answer a) {
        MockResponse.Builder b = new MockResponse.Builder().code(a.status()).body(a.body());
        if (a.contentType() != null) {
            b.addHeader("Content-Type", a.contentType());
        }
        mock.enqueue(b.build());
    }

    private void answer(int code, String type, String body) {
        MockResponse.Builder b = new MockResponse.Builder().code(code).body(body);
        if (type != null) {
            b.addHeader("Content-Type", type);
        }
        mock.enqueue(b.build());
    }

    private HttpBroker broker(Credentials c) {
        return new HttpBroker(BrokerConfig.of("ref", base()).withCredentials(c).withTimeouts(Duration.ofSeconds(2),
                Duration.ofSeconds(5)), clock);
    }

    private static ExecutionRequest request() {
        return WireCodec.readAs(D2, Format.JSON, ExecutionRequest.class);
    }

    private RecordedRequest taken() throws InterruptedException {
        return mock.takeRequest(2, TimeUnit.SECONDS);
    }

    @Test
    void oldBrokerEndpointsAndKindsAreDetectedAndRemembered() throws Exception {
        answer(404, null, "");
        answer(Captures.response("calycopis-2026-05/01-offerset-post-docker-yaml.txt"));
        answer(Captures.response("calycopis-2026-05/01-offerset-post-docker-yaml.txt"));
        HttpBroker b = broker(Credentials.NONE);
        Outcome o = b.ask(request()).get(5, TimeUnit.SECONDS);
        assertInstanceOf(Outcome.Offers.class, o, o.toString());
        assertEquals("/requests", taken().getTarget());
        RecordedRequest second = taken();
        assertEquals("/offersets", second.getTarget());
        String sent = second.getBody().utf8();
        assertTrue(sent.contains("EB/schema/v1.0/types/executable/docker-container-1.0"), sent);
        assertFalse(sent.contains("costs"), "costs are stripped for a broker that refuses unknown fields: " + sent);
        assertEquals("application/json", second.getHeaders().get("Content-Type"), "exactly, as strict brokers want");
        assertEquals(BrokerProfile.V2026_05, b.profile());
        b.ask(request()).get(5, TimeUnit.SECONDS);
        assertEquals("/offersets", taken().getTarget(), "the profile is remembered");
    }

    @Test
    void a303IsReadNotFollowedAndBasicGoesOnPostsOnly() throws Exception {
        answer(Captures.response("calycopis-2026-08/03-requests-post-docker-compute-schedule-json-alpha.txt"));
        answer(Captures.response("calycopis-2026-08/09-session-get-offer-yaml.txt"));
        HttpBroker b = broker(Credentials.basic("demo-user", "secret"));
        Outcome.Offers o = (Outcome.Offers) b.ask(request()).get(5, TimeUnit.SECONDS);
        RecordedRequest post = taken();
        assertTrue(post.getHeaders().get("Authorization").startsWith("Basic "));
        b.session(base() + "/sessions/" + o.offerSet().offers().get(0).meta().uuid());
        RecordedRequest get = taken();
        assertEquals("GET", get.getMethod());
        assertNull(get.getHeaders().get("Authorization"), "reads go without credentials");
        assertEquals(2, mock.getRequestCount(), "the 303's Location was not followed");
    }

    @Test
    void basicGoesOnReadsToOnceTheBrokerAsksForItThere() throws Exception {
        String unauthorized = "{\"status\":401,\"error\":\"Unauthorized\"}";
        answer(401, "application/json", unauthorized);
        answer(Captures.response("calycopis-2026-08/09-session-get-offer-yaml.txt"));
        answer(Captures.response("calycopis-2026-08/09-session-get-offer-yaml.txt"));
        HttpBroker b = broker(Credentials.basic("carol", "carol-password"));
        assertEquals("OFFERED", b.session(base() + "/sessions/x").phase());
        assertNull(taken().getHeaders().get("Authorization"), "the first read goes without, as the reference broker wants");
        assertTrue(taken().getHeaders().get("Authorization").startsWith("Basic "), "sent again with them after the 401");
        b.session(base() + "/sessions/x");
        assertTrue(taken().getHeaders().get("Authorization").startsWith("Basic "), "and from then on, at once");

        answer(401, "application/json", unauthorized);
        HttpBroker wrong = broker(Credentials.basic("carol", "wrong-password"));
        answer(401, "application/json", unauthorized);
        BrokerError refused = assertThrows(BrokerError.class, () -> wrong.session(base() + "/sessions/x"));
        assertEquals(BrokerError.Kind.UNAUTHORIZED, refused.kind());
        assertEquals(5, mock.getRequestCount(), "one retry, not more");
        assertFalse(refused.getMessage().contains("wrong-password"), "the password is never shown: " + refused.getMessage());

        answer(401, "application/json", unauthorized);
        BrokerError bearer = assertThrows(BrokerError.class,
                () -> broker(Credentials.bearer("s3cret-token")).session(base() + "/sessions/x"));
        assertEquals(BrokerError.Kind.UNAUTHORIZED, bearer.kind());
        assertEquals(6, mock.getRequestCount(), "a bearer token was sent already: no retry");
        assertFalse(bearer.getMessage().contains("s3cret"), bearer.getMessage());
    }

    @Test
    void theBrokersWarningsOnAYesBecomeFlags() throws Exception {
        answer(Captures.yesWithWarnings());
        Outcome.Offers o = (Outcome.Offers) broker(Credentials.NONE).ask(request()).get(5, TimeUnit.SECONDS);
        String first = o.offerSet().offers().get(0).meta().uuid();
        assertTrue(o.warnings().contains(Captures.SET_WARNING), o.warnings().toString());
        assertTrue(o.warnings().contains(first + ": " + Captures.OFFER_WARNING), o.warnings().toString());
        List<OfferRow> rows = Comparison.of(request(), List.of(o), clock.instant(), Rank.EARLIEST_START);
        assertEquals(3, rows.size());
        for (OfferRow r : rows) {
            assertTrue(r.flags().contains(Captures.SET_WARNING), r.flags().toString());
            assertEquals(r.uuid().equals(first), r.flags().contains(Captures.OFFER_WARNING), r.flags().toString());
        }
    }

    @Test
    void anAnswerThatCannotBeJudgedFailsInsteadOfHanging() throws Exception {
        Captures.Answer yes = Captures.response("calycopis-2026-08/03-requests-post-docker-compute-schedule-json-alpha.txt");
        answer(yes.status(), yes.contentType(), yes.body().replace("\"expires\":\"2026-11-21T21:25:17.224453814Z\"",
                "\"expires\":\"tomorrow\""));
        Outcome.Failed f = (Outcome.Failed) broker(Credentials.NONE).ask(request()).get(5, TimeUnit.SECONDS);
        assertEquals(BrokerError.Kind.PROTOCOL, f.error().kind());
        assertTrue(f.error().getMessage().contains("tomorrow"), f.error().getMessage());
    }

    @Test
    void offersThatIgnoreTheRequestAreFlaggedAndPlaceholdersIgnored() throws Exception {
        answer(Captures.response("calycopis-2026-08/03-requests-post-docker-compute-schedule-json-alpha.txt"));
        Outcome.Offers o = (Outcome.Offers) broker(Credentials.NONE).ask(request()).get(5, TimeUnit.SECONDS);
        String warnings = String.join("\n", o.warnings());
        assertTrue(warnings.contains("outside the window"), warnings);
        assertTrue(warnings.contains("merely echoes the cores"), warnings);
        List<OfferRow> rows = Comparison.of(request(), List.of(o), clock.instant(), Rank.EARLIEST_START);
        assertEquals(Instant.parse("2026-11-21T21:23:00Z"), rows.get(0).start(), "the compute schedule, not 1970");
        assertTrue(rows.stream().map(OfferRow::start).toList().equals(rows.stream().map(OfferRow::start).sorted().toList()));
        OfferRow first = rows.get(0);
        assertEquals("0.3-0.8", first.costs().get(Comparison.MONETARY).toString());
        assertEquals("0.15-0.4", first.hourly().get(Comparison.MONETARY).toString(), "per-hour price kept apart");
        assertFalse(first.withinCaps(), "the request's own cap of 0.5 is applied here, since brokers ignore it");
    }

    @Test
    void updatesTheBrokerDidNotKeepAreReported() throws Exception {
        String url = base() + "/sessions/9f3c0000-0000-4000-8000-000000000001";
        answer(Captures.response("calycopis-2026-08/09-session-get-offer-yaml.txt"));
        answer(Captures.response("calycopis-2026-08/12-session-cancel-offered-json-beta.txt"));
        answer(Captures.response("calycopis-2026-08/13-session-get-after-cancel-offered-json-beta.txt"));
        clock.set(Instant.parse("2026-11-21T21:20:21Z"));
        UpdateResult r = broker(Credentials.NONE).update(url, SessionPhase.REJECTED);
        assertFalse(r.applied());
        assertEquals("OFFERED", r.reread().phase());
        assertTrue(r.warning().contains("did not apply the update"), r.warning());
    }

    @Test
    void expiredOffersAreNotAcceptedWhateverTheBrokerWouldSay() throws Exception {
        answer(Captures.response("calycopis-2026-08/09-session-get-offer-yaml.txt"));
        clock.set(Instant.parse("2026-11-22T00:00:00Z"));
        BrokerError e = assertThrows(BrokerError.class,
                () -> broker(Credentials.NONE).update(base() + "/sessions/x", SessionPhase.ACCEPTED));
        assertTrue(e.getMessage().contains("expired"), e.getMessage());
        assertEquals(1, mock.getRequestCount(), "no accept was sent");
    }

    @Test
    void errorAnswersBecomePlainErrors() throws Exception {
        answer(404, null, "");
        answer(Captures.response("calycopis-2026-08/24-bad-old-2026-05-kind-uri-yaml.txt"));
        answer(500, "application/json", "{\"timestamp\":\"x\",\"status\":500,\"error\":\"Internal Server Error\",\"path\":\"/requests\"}");
        answer(401, "application/json", "{\"status\":401,\"error\":\"Unauthorized\"}");
        answer(Captures.response("calycopis-2026-08/41-auth-other-user-updates-foreign-session.txt"));
        answer(Captures.response("calycopis-2026-08/61-bad-duration-over-window-yaml.txt"));
        HttpBroker b = new HttpBroker(BrokerConfig.of("ref", base()), clock, BrokerProfile.NEWEST);
        BrokerError gone = assertThrows(BrokerError.class, () -> b.session(base() + "/sessions/x"));
        assertEquals(BrokerError.Kind.NOT_FOUND, gone.kind());
        assertTrue(gone.getMessage().contains("may have restarted"), gone.getMessage());
        Outcome.Failed refused = (Outcome.Failed) b.ask(request()).get(5, TimeUnit.SECONDS);
        assertEquals(BrokerError.Kind.REFUSED, refused.error().kind());
        assertTrue(refused.error().getMessage().contains("Bad Request"), refused.error().getMessage());
        assertEquals(BrokerError.Kind.BROKER_FAILURE, ((Outcome.Failed) b.ask(request()).get(5, TimeUnit.SECONDS)).error().kind());
        assertEquals(BrokerError.Kind.UNAUTHORIZED, ((Outcome.Failed) b.ask(request()).get(5, TimeUnit.SECONDS)).error().kind());
        BrokerError notYours = assertThrows(BrokerError.class, () -> b.offerSet(base() + "/offersets/x"));
        assertEquals(BrokerError.Kind.FORBIDDEN, notYours.kind(), "403 is told apart from 401");
        Outcome.No silent = (Outcome.No) b.ask(request()).get(5, TimeUnit.SECONDS);
        assertTrue(silent.reasons().get(0).contains("without a reason"), silent.reasons().toString());
    }
}
