package io.orrery.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.calendar.Dimensions;
import io.orrery.broker.calendar.ReservationCalendar;
import io.orrery.broker.platform.Platform;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.broker.session.SessionTable;
import io.orrery.broker.session.SimulatedExecution;
import io.orrery.broker.store.SessionStore;
import io.orrery.model.SessionPhase;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An answer made in three steps (planned under the lock, written off it, completed under it): a draft's slots are
 * booked from the moment it is planned, so that no other request can take them, and count as open offers; an
 * abandoned draft gives them all back; a completed one turns them into offers held by sessions.
 */
class OfferDraftTest {
    private static final Instant T0 = Instant.parse("2027-03-01T08:00:00Z");
    private final Platform platform = PlatformCatalog.find("cloud").orElseThrow();
    private final Dimensions dims = new Dimensions(platform);
    private final ReservationCalendar calendar = new ReservationCalendar(dims.capacity(platform));
    private final SessionTable sessions = new SessionTable(calendar, new SimulatedExecution());
    private final OfferDesk desk = new OfferDesk(platform, dims, calendar, sessions,
            new PrefixLinks("http://127.0.0.1:1"), SessionStore.NONE);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The document as a client reads it (numbers of one node type, whatever type the tree was built with). */
    private static JsonNode reread(JsonNode tree) {
        return JSON.readTree(JSON.writeValueAsBytes(tree));
    }

    @Test
    void aDraftHoldsItsSlotsUntilItIsAbandoned() {
        OfferDesk.Draft d = desk.plan(Requests.docker(2, 4, "PT1H", null), RequestContext.ANONYMOUS, T0, 3);
        assertNull(d.answered());
        int slots = d.proposals().size();
        assertTrue(slots > 0);
        assertEquals(slots, calendar.size(), "booked while the offers are written");
        assertEquals(slots, desk.inFlight(), "counted against the most open offers");
        assertEquals(0, sessions.offered());
        desk.abandon(d);
        assertEquals(0, calendar.size(), "every slot given back");
        assertEquals(0, desk.inFlight());
    }

    @Test
    void aCompletedDraftIsAnOfferSetOfHeldOffers() {
        OfferDesk.Draft d = desk.plan(Requests.docker(2, 4, "PT1H", null), RequestContext.ANONYMOUS, T0, 3);
        OfferDesk.Written w = desk.write(d);
        assertEquals(d.proposals().size(), w.packed().size());
        OfferSetState set = desk.complete(d, w, T0.plusMillis(5));
        assertEquals("YES", set.result());
        assertEquals(d.proposals().size(), set.offers().size());
        assertEquals(0, desk.inFlight());
        assertEquals(set.offers().size(), sessions.offered());
        assertEquals(set.offers().size(), calendar.size(), "the same slots, now held by the offers");
        set.offers().forEach(id -> assertEquals(SessionPhase.OFFERED, sessions.get(id).orElseThrow().phase()));
        assertEquals(set.offers().size(), desk.tree(set).path("offers").size());
    }

    @Test
    void theAnswerSentAsStoredIsTheDocumentReadLater() {
        OfferDesk.Draft d = desk.plan(Requests.docker(2, 4, "PT1H", null), RequestContext.ANONYMOUS, T0, 3);
        OfferDesk.Written w = desk.write(d);
        OfferSetState set = desk.complete(d, w, T0);
        OfferAnswer answer = desk.answer(set, w);
        JsonNode sent = JSON.readTree(answer.json());
        assertTrue(sent.equals(reread(answer.tree())), "the joined text is the same document as the tree");
        assertTrue(sent.equals(reread(desk.tree(set))), "the same as a later reading of the offer set, from the store");
        assertEquals("http://127.0.0.1:1/offersets/" + set.uuid(), answer.url());
        assertEquals(set.offers().size(), sent.path("offers").size());
        sent.path("offers").forEach(o -> assertEquals("OFFERED", o.path("phase").asString()));
    }

    @Test
    void aRefusedRequestIsAnsweredAtOnceAndBooksNothing() {
        OfferDesk.Draft d = desk.plan(Requests.docker(100_000, 4, "PT1H", null), RequestContext.ANONYMOUS, T0, 3);
        assertEquals("NO", d.answered().result());
        assertEquals(0, calendar.size());
        assertEquals(0, desk.inFlight());
    }
}
