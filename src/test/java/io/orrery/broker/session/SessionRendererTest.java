package io.orrery.broker.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.Links;
import io.orrery.broker.calendar.Shape;
import io.orrery.model.ExecutionSession;
import io.orrery.model.PhaseChange;
import io.orrery.model.SessionPhase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The rendering of one stored session: every component family gets its phase and URL, notebooks a connector. */
class SessionRendererTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Instant T = Instant.parse("2027-01-01T00:00:00Z");
    private static final Links LINKS = new Links() {
        @Override
        public String offerSet(String uuid) {
            return "http://b/offersets/" + uuid;
        }

        @Override
        public String session(String uuid) {
            return "http://b/sessions/" + uuid;
        }
    };

    private static SessionState session(String offerJson, SessionPhase... phases) {
        List<PhaseChange> history = new ArrayList<>();
        for (SessionPhase p : phases) {
            history.add(new PhaseChange(p, T, null));
        }
        return new SessionState("s1", "set1", OfferTrees.pack(OfferTrees.json(JSON.readTree(offerJson))),
                new SessionPlan("s1", T, T, T.plusSeconds(60), T.plusSeconds(90)), Shape.flat(60, new long[] {1}),
                T.plusSeconds(30), history);
    }

    private static final String NOTEBOOK = """
            {"meta": {"uuid": "s1"}, "phase": "OFFERED",
             "executable": {"kind": "urn:ivoa:jupyter-notebook", "meta": {"uuid": "e1"}},
             "compute": {"kind": "urn:simple-compute", "meta": {"uuid": "c1"}},
             "storage": [{"kind": "urn:simple-storage", "meta": {"uuid": "st1"}}],
             "data": [{"kind": "urn:simple-data", "meta": {"uuid": "d1"}}, "not a component",
                      {"kind": "urn:simple-data"}]}
            """;

    @Test
    void listedComponentsGetTheirPhaseAndUrlAndOddItemsAreLeftAlone() {
        JsonNode t = SessionRenderer.tree(session(NOTEBOOK, SessionPhase.OFFERED, SessionPhase.ACCEPTED,
                SessionPhase.PREPARING, SessionPhase.AVAILABLE, SessionPhase.RUNNING), LINKS, "lab");
        assertEquals("RUNNING", t.path("executable").path("phase").asString());
        assertEquals("AVAILABLE", t.path("storage").get(0).path("phase").asString());
        assertEquals("http://b/sessions/s1#storage/st1", t.path("storage").get(0).path("meta").path("url").asString());
        JsonNode data = t.path("data");
        assertEquals("AVAILABLE", data.get(0).path("phase").asString());
        assertEquals("http://b/sessions/s1#data/d1", data.get(0).path("meta").path("url").asString());
        assertEquals("not a component", data.get(1).asString());
        assertEquals("AVAILABLE", data.get(2).path("phase").asString());
        assertTrue(data.get(2).path("meta").isMissingNode(), "no uuid, so no URL and no meta invented");
    }

    @Test
    void aNotebookHasAJupyterConnectorOnceItIsPreparing() {
        JsonNode offered = SessionRenderer.tree(session(NOTEBOOK, SessionPhase.OFFERED), LINKS, "lab");
        assertTrue(offered.path("connectors").isMissingNode());
        JsonNode preparing = SessionRenderer.tree(session(NOTEBOOK, SessionPhase.OFFERED, SessionPhase.ACCEPTED,
                SessionPhase.PREPARING), LINKS, "lab");
        JsonNode c = preparing.path("connectors").get(0);
        assertEquals("urn:orrery:connector:jupyter", c.path("kind").asString());
        assertEquals("PREPARING", c.path("status").asString());
        assertEquals("https://lab.orrery.invalid/sessions/s1/lab", c.path("location").asString());
        assertEquals(1, preparing.path("connectors").size());
    }

    @Test
    void aContainerWithoutPortsHasNoConnector() {
        String container = NOTEBOOK.replace("urn:ivoa:jupyter-notebook", "urn:docker-container");
        JsonNode t = SessionRenderer.tree(session(container, SessionPhase.OFFERED, SessionPhase.ACCEPTED,
                SessionPhase.PREPARING, SessionPhase.AVAILABLE), LINKS, "lab");
        assertTrue(t.path("connectors").isMissingNode(), t.toString());
    }

    @Test
    void renderGivesTheTypedSession() {
        ExecutionSession s = SessionRenderer.render(session(NOTEBOOK.replace("\"not a component\",", ""),
                SessionPhase.OFFERED), LINKS, "lab");
        assertEquals("OFFERED", s.phase());
        assertEquals("http://b/sessions/s1", s.meta().url());
    }
}
