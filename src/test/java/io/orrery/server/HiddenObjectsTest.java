package io.orrery.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.model.OfferSet;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a caller may not see answers exactly as what does not exist (404, the same body), and the rule for objects made
 * before authentication was on: nobody sees them but the admin named by {@code --admin}, until {@code --adopt-unowned}
 * gives them an owner.
 */
class HiddenObjectsTest {
    private static final String YAML = "application/yaml";
    private static final String ACCEPT = "kind: uri:enum-value-update\npath: phase\nvalue: ACCEPTED\n";
    private static final String UNKNOWN = "5b3e0e44-0000-4000-8000-000000000000";

    @TempDir
    Path dir;

    private BrokerServer start(String admin, String adopt) throws IOException {
        Path tokens = dir.resolve("tokens");
        Files.writeString(tokens, "alice a-token-of-alice\nbob b-token-of-bob\nroot r-token-of-root\n");
        return BrokerServer.start(BrokerServer.Options.of(PlatformCatalog.find("laptop").orElseThrow())
                .data(dir.resolve("data")).auth(tokens, null).unowned(admin, adopt));
    }

    private static OfferSet offers(Http http) throws IOException {
        HttpResponse<String> r = http.post("/requests", YAML, YAML, ServerApiTest.sample("01-minimal-container.yaml"));
        assertEquals(303, r.statusCode(), r.body());
        return WireCodec.readAs(r.body(), Format.YAML, OfferSet.class);
    }

    /** Every route that takes an id, for id: each answer's status and body, the id blanked out. */
    private static List<String> answers(Http http, String setId, String sessionId) throws IOException {
        return List.of(
                blank(http.get("/offersets/" + setId, YAML), setId),
                blank(http.get("/sessions/" + sessionId, YAML), sessionId),
                blank(http.post("/sessions/" + sessionId, YAML, YAML, ACCEPT), sessionId),
                blank(http.get("/sessions/" + sessionId + "/connectors", YAML), sessionId),
                blank(http.get("/sessions/" + sessionId + "/connectors/stdout", YAML), sessionId),
                blank(http.get("/" + sessionId + "/status", YAML), sessionId));
    }

    private static String blank(HttpResponse<String> r, String id) {
        return r.statusCode() + " " + r.body().replace(id, "ID");
    }

    private static String id(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Test
    void anotherUsersObjectsAnswerExactlyAsUnknownOnes() throws IOException {
        try (BrokerServer server = start("root", null)) {
            Http http = new Http(server.baseUrl());
            OfferSet set = offers(http.bearer("a-token-of-alice"));
            String setId = id(set.meta().url());
            String offer = id(set.offers().get(0).meta().url());
            for (String caller : List.of("b-token-of-bob", "r-token-of-root")) {
                Http other = http.bearer(caller);
                List<String> theirs = answers(other, setId, offer);
                List<String> unknown = answers(other, UNKNOWN, UNKNOWN);
                assertEquals(unknown, theirs, "alice's objects, asked for by " + caller);
                theirs.forEach(a -> assertTrue(a.startsWith("404 "), a));
            }
            assertEquals(200, http.bearer("a-token-of-alice").get("/sessions/" + offer, YAML).statusCode());
        }
    }

    @Test
    void objectsMadeBeforeAuthenticationAreTheAdminsAloneUntilAdopted() throws IOException {
        String setId;
        String offer;
        try (BrokerServer open = BrokerServer.start(BrokerServer.Options.of(PlatformCatalog.find("laptop").orElseThrow())
                .data(dir.resolve("data")))) {
            OfferSet set = offers(new Http(open.baseUrl()));
            setId = id(set.meta().url());
            offer = id(set.offers().get(0).meta().url());
        }
        try (BrokerServer nobody = start(null, null)) {
            assertTrue(nobody.startupLine().contains("objects without an owner are seen by nobody"), nobody.startupLine());
            Http alice = new Http(nobody.baseUrl()).bearer("a-token-of-alice");
            assertEquals(answers(alice, UNKNOWN, UNKNOWN), answers(alice, setId, offer),
                    "without an admin, nobody sees an ownerless object: it answers as an unknown one");
        }
        try (BrokerServer admin = start("root", null)) {
            Http http = new Http(admin.baseUrl());
            assertEquals(404, http.bearer("a-token-of-alice").get("/sessions/" + offer, YAML).statusCode());
            assertEquals(200, http.bearer("r-token-of-root").get("/offersets/" + setId, YAML).statusCode(),
                    "the admin sees what has no owner");
            assertEquals(200, http.bearer("r-token-of-root").get("/sessions/" + offer, YAML).statusCode());
        }
        try (BrokerServer adopted = start("root", "alice")) {
            assertTrue(adopted.startupLine().contains("1 ownerless offer sets given to alice"), adopted.startupLine());
            Http http = new Http(adopted.baseUrl());
            assertEquals(404, http.bearer("r-token-of-root").get("/sessions/" + offer, YAML).statusCode(),
                    "once owned, the admin no longer sees it");
            assertEquals(404, http.bearer("b-token-of-bob").get("/sessions/" + offer, YAML).statusCode());
            assertEquals(200, http.bearer("a-token-of-alice").post("/sessions/" + offer, YAML, YAML, ACCEPT).statusCode(),
                    "alice, its owner now, accepts it");
        }
        try (BrokerServer again = start(null, null)) {
            assertEquals(200, new Http(again.baseUrl()).bearer("a-token-of-alice").get("/offersets/" + setId, YAML)
                    .statusCode(), "the adoption was stored");
        }
    }
}
