package io.orrery.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Fixtures;
import io.orrery.broker.clock.VirtualClock;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.model.ExecutionSession;
import io.orrery.model.OfferSet;
import io.orrery.model.codec.Dialect;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every endpoint of orrery serve over real HTTP on 127.0.0.1, both media types, every error class. */
class ServerApiTest {
    private static final String YAML = "application/yaml";
    private static final String JSON = "application/json";
    private BrokerServer server;
    private Http http;

    @BeforeEach
    void start() throws IOException {
        // the sample tasks' windows are in March 2027: a virtual clock just before them
        server = BrokerServer.start(BrokerServer.Options.of(PlatformCatalog.find("cloud").orElseThrow())
                .clock(new VirtualClock(Instant.parse("2027-02-28T12:00:00Z"))));
        http = new Http(server.baseUrl());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static String sample(String name) throws IOException {
        return Files.readString(Path.of(System.getProperty("orrery.samples", "sample-tasks")).resolve(name));
    }

    private OfferSet offers(String body, String type) {
        HttpResponse<String> r = http.post("/requests", type, type, body);
        assertEquals(303, r.statusCode(), r.body());
        OfferSet set = WireCodec.readAs(r.body(), Format.guess(null, r.body()), OfferSet.class);
        assertEquals(set.meta().url(), r.headers().firstValue("Location").orElseThrow());
        return set;
    }

    @Test
    void describesItself() {
        HttpResponse<String> r = http.get("/", JSON);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("\"name\":\"Orrery broker: cloud\"") && r.body().contains("jupyter-notebook"), r.body());
        assertTrue(http.get("/", null).body().startsWith("name: "), "YAML when nothing is asked for");
    }

    @Test
    void requestsInYamlAndJsonAnd303WithTheOfferSet() throws IOException {
        OfferSet yaml = offers(sample("02-newton-raphson-window.yaml"), YAML);
        assertEquals("YES", yaml.result());
        String json = WireCodec.write(WireCodec.read(sample("02-newton-raphson-window.yaml"), Format.YAML)
                .document().orElseThrow(), Format.JSON);
        HttpResponse<String> r = http.post("/requests", JSON, null, json);
        assertEquals(303, r.statusCode());
        assertTrue(r.body().startsWith("{"), "answers JSON to JSON when Accept is absent");
        HttpResponse<String> alias = http.post("/offersets", "text/yaml", YAML, sample("01-minimal-container.yaml"));
        assertEquals(303, alias.statusCode(), "the older path and the text/yaml alias work");
        HttpResponse<String> again = http.get(yaml.meta().url(), JSON);
        assertEquals(200, again.statusCode());
        assertEquals(yaml.meta().uuid(), WireCodec.readAs(again.body(), Format.JSON, OfferSet.class).meta().uuid());
    }

    @Test
    void answersInTheDialectOfTheRequest() throws IOException {
        OfferSet set = offers(sample("17-generation-2026-05.yaml"), YAML);
        HttpResponse<String> r = http.get(set.offers().get(0).meta().url(), YAML);
        assertTrue(r.body().contains("EB/schema/v1.0/types/session/scheduled-execution-session-1.0"), r.body());
        HttpResponse<String> old = http.post("/requests", YAML, YAML, sample("19-generation-2025-04.yaml"));
        assertTrue(old.body().contains("resources:") && old.body().contains("type: https://www.purl.org/ivoa.net/EB/schema/types/"),
                old.body());
        HttpResponse<String> newest = http.get(set.meta().url() + "?dialect=newest", YAML);
        assertTrue(newest.body().contains("Calycopis-openapi"), newest.body());
    }

    @Test
    void acceptRejectsTheSiblingsAndEveryUrlResolves() throws IOException {
        OfferSet set = offers(sample("05-http-data-staged.yaml"), YAML);
        assertTrue(set.offers().size() > 1);
        String chosen = set.offers().get(0).meta().url();
        HttpResponse<String> accepted = http.post(chosen, YAML, YAML,
                "kind: uri:enum-value-update\npath: phase\nvalue: ACCEPTED\n");
        assertEquals(200, accepted.statusCode(), accepted.body());
        assertEquals("ACCEPTED", WireCodec.readAs(accepted.body(), Format.YAML, ExecutionSession.class).phase());
        OfferSet after = WireCodec.readAs(http.get(set.meta().url(), YAML).body(), Format.YAML, OfferSet.class);
        for (ExecutionSession o : after.offers()) {
            if (!o.meta().url().equals(chosen)) {
                assertEquals("REJECTED", o.phase());
            }
        }
        List<String> urls = new ArrayList<>();
        collectUrls(WireCodec.toTree(after, Dialect.NEWEST), urls);
        assertTrue(urls.size() > 10, urls.toString());
        for (String url : urls) {
            assertEquals(200, http.get(url, JSON).statusCode(), url);
        }
    }

    private static void collectUrls(JsonNode node, List<String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("url") && e.getValue().isString()) {
                    out.add(e.getValue().asString());
                } else {
                    collectUrls(e.getValue(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectUrls(n, out));
        }
    }

    @Test
    void wrappedUpdatesAndDirectExecution() throws IOException {
        OfferSet set = offers(sample("01-minimal-container.yaml"), YAML);
        HttpResponse<String> wrapped = http.post(set.offers().get(0).meta().url(), JSON, JSON,
                "{\"update\": {\"type\": \"uri:enum-value-update\", \"path\": \"/phase\", \"value\": \"REJECTED\"}}");
        assertEquals(200, wrapped.statusCode(), wrapped.body());
        assertTrue(wrapped.body().contains("\"phase\":\"REJECTED\""));
        for (String path : List.of("/direct", "/sessions")) {
            HttpResponse<String> direct = http.post(path, YAML, YAML, sample("01-minimal-container.yaml"));
            assertEquals(303, direct.statusCode(), direct.body());
            ExecutionSession s = WireCodec.readAs(direct.body(), Format.YAML, ExecutionSession.class);
            assertEquals("ACCEPTED", s.phase());
            assertEquals(s.meta().url(), direct.headers().firstValue("Location").orElseThrow());
        }
        HttpResponse<String> refused = http.post("/direct", YAML, YAML, sample("04-singularity-container.yaml"));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("phase: FAILED") && refused.body().contains("does not run singularity"),
                refused.body());
    }

    @Test
    void everyErrorClassHasItsStatusAndAReason() throws IOException {
        HttpResponse<String> syntax = http.post("/requests", YAML, JSON, "executable:\n  kind: [a\n");
        assertEquals(400, syntax.statusCode());
        assertTrue(syntax.body().contains("\"line\":3") || syntax.body().contains("\"line\":2"), syntax.body());
        HttpResponse<String> types = http.post("/requests", YAML, JSON, Fixtures.DOCKER + "compute: {kind: "
                + Fixtures.K + "compute/simple-compute-resource.yaml, cores: {min: lots}}\n");
        assertEquals(400, types.statusCode());
        assertTrue(types.body().contains("\"field\":\"compute.cores.min\""), types.body());
        assertEquals(400, http.post("/requests", YAML, JSON, "kind: uri:enum-value-update\npath: phase\nvalue: X\n")
                .statusCode(), "an update is not a request");
        assertEquals(400, http.post("/requests", YAML, JSON, "").statusCode());
        HttpResponse<String> missing = http.get("/sessions/5b3e0e44-0000-4000-8000-000000000000", JSON);
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("no session"), missing.body());
        assertEquals(400, http.get("/sessions/not-a-uuid", JSON).statusCode());
        assertEquals(404, http.get("/no/such/path", JSON).statusCode());
        assertEquals(405, http.method("DELETE", "/requests").statusCode());
        assertEquals(415, http.post("/requests", "text/plain", JSON, "x: 1").statusCode());
        assertEquals(406, http.get("/", "application/xml").statusCode());
        assertEquals(413, http.post("/requests", YAML, JSON, "a: \"" + "x".repeat(2 * 1024 * 1024) + "\"").statusCode());
        OfferSet set = offers(sample("01-minimal-container.yaml"), YAML);
        String url = set.offers().get(0).meta().url();
        http.post(url, YAML, YAML, "kind: uri:enum-value-update\npath: phase\nvalue: REJECTED\n");
        HttpResponse<String> conflict = http.post(url, YAML, JSON, "kind: uri:enum-value-update\npath: phase\nvalue: ACCEPTED\n");
        assertEquals(409, conflict.statusCode());
        assertTrue(conflict.body().contains("REJECTED"), conflict.body());
        HttpResponse<String> banana = http.post(url, YAML, JSON, "kind: uri:enum-value-update\npath: phase\nvalue: BANANA\n");
        assertEquals(400, banana.statusCode());
        assertTrue(banana.body().contains("not a session phase"), banana.body());
    }
}
