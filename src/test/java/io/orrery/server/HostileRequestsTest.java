package io.orrery.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.platform.PlatformCatalog;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The attacks found on version 1, each answered as it must be: a negative or wrapping size of an extension kind is
 * a 400 naming the field (and frees nothing), a null list item a 400 with its line, odd media types no 500, and a
 * broker that is full of work says 503 with Retry-After.
 */
class HostileRequestsTest {
    private static final String DOCKER = io.orrery.Fixtures.DOCKER;
    private static final String GPU = "https://example.org/eb/kinds/compute/gpu-compute-resource.yaml";
    private BrokerServer server;
    private Http http;

    @BeforeEach
    void start() throws Exception {
        server = BrokerServer.start(BrokerServer.Options.of(PlatformCatalog.find("cloud").orElseThrow()));
        http = new Http(server.baseUrl());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> ask(String yaml) {
        return http.post("/requests", "application/yaml", "application/json", yaml);
    }

    @Test
    void negativeSizesOfAnExtensionKindAre400AndFreeNothing() {
        long[] before = server.core().usage().peak();
        for (String field : List.of("cores: {min: -4000}", "memory: {min: -100000}", "gpus: {min: -16, model: nvidia-a100}")) {
            HttpResponse<String> r = ask(DOCKER + "compute:\n  kind: " + GPU + "\n  meta: {name: g}\n  " + field + "\n");
            assertEquals(400, r.statusCode(), field + ": " + r.body());
            String name = field.substring(0, field.indexOf(':'));
            assertTrue(r.body().contains("\"field\":\"compute." + name + ".min\"") && r.body().contains("\"line\":10"),
                    r.body());
        }
        assertTrue(java.util.Arrays.equals(before, server.core().usage().peak()), "the calendar is untouched");
        HttpResponse<String> wraps = ask(DOCKER + "storage:\n  - kind: " + io.orrery.Fixtures.K
                + "storage/simple-storage-resource.yaml\n    meta: {name: s}\n    size: {min: 9223372036854775807}\n");
        assertEquals(400, wraps.statusCode(), wraps.body());
        assertTrue(wraps.body().contains("storage[0].size.min"), wraps.body());
    }

    @Test
    void aHugeYamlLineIsRefusedBeforeTheParserSpendsSecondsOnIt() {
        HttpResponse<String> r = ask(DOCKER + "compute:\n  meta: {name: '" + "x".repeat(900_000) + "'}\n");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"line\":8") && r.body().contains("YAML lines of more than 66560 are refused"),
                r.body());
        HttpResponse<String> json = http.post("/requests", "application/yaml", "application/json",
                "{\"executable\": {\"kind\": \"" + io.orrery.Fixtures.K + "executable/docker-container.yaml\", \"meta\":"
                        + " {\"name\": \"j\"}, \"image\": {\"locations\": [\"ghcr.io/x/y:1\"]}}, \"data\": []}");
        assertEquals(303, json.statusCode(), "JSON sent as YAML on one line is read (as JSON): " + json.body());
    }

    @Test
    void aNullListItemIsA400WithItsLine() {
        for (String tail : List.of("data:\n  - \n", "storage: [null]\n")) {
            HttpResponse<String> r = ask(DOCKER + tail);
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(r.body().contains("is empty") && r.body().contains("\"line\":7"), r.body());
        }
    }

    @Test
    void oddMediaTypesAreReadOrRefusedNeverA500() {
        String ok = DOCKER;
        for (String type : List.of("application/yaml;", ";", "application/yaml;;charset=utf-8", " APPLICATION/YAML ",
                "application/yaml; charset=\"utf-8\"", ";application/yaml")) {
            for (String accept : List.of(";", ",,", "application/json;q=abc", "application/json; q=1e999",
                    "text/html;q=1, */*;q=0.001", "application/yaml; charset=utf-8;")) {
                int status = http.post("/requests", type, accept, ok).statusCode();
                assertTrue(status == 303 || status == 406 || status == 415, type + " / " + accept + " -> " + status);
            }
        }
        assertEquals(303, http.post("/requests", "application/yaml; charset=utf-8", "application/json;q=0.5, */*;q=0.1",
                ok).statusCode());
    }

    @Test
    void aBusyBrokerSays503WithRetryAfterAndRecovers() throws Exception {
        server.close();
        server = BrokerServer.start(BrokerServer.Options.of(PlatformCatalog.find("cloud").orElseThrow())
                .admission(1, 64 * 1024));
        http = new Http(server.baseUrl());
        java.net.URI base = java.net.URI.create(server.baseUrl());
        // a slow client holds the only place: its headers promise a body it sends only part of
        try (java.net.Socket slow = new java.net.Socket(base.getHost(), base.getPort())) {
            slow.getOutputStream().write(("POST /requests HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\n"
                    + "Content-Length: 5000\r\n\r\nexecutable:").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            slow.getOutputStream().flush();
            HttpResponse<String> busy = awaitBusy();
            assertEquals(503, busy.statusCode(), busy.body());
            assertEquals("1", busy.headers().firstValue("Retry-After").orElse(""));
            assertTrue(busy.body().contains("the broker is busy"), busy.body());
        }
        HttpResponse<String> after = null;
        for (int i = 0; i < 100 && (after == null || after.statusCode() == 503); i++) {
            after = ask(DOCKER); // the slow client's place is given back once its connection is gone
        }
        assertEquals(303, after.statusCode(), "a normal request is served again: " + after.body());
    }

    /** Asks until the slow client has taken the place (its request reaches the handler a moment after connecting). */
    private HttpResponse<String> awaitBusy() {
        HttpResponse<String> r = null;
        for (int i = 0; i < 100 && (r == null || r.statusCode() != 503); i++) {
            r = ask(DOCKER);
        }
        return r;
    }
    @Test
    void aBodyThatStopsArrivingIsCutOff() throws Exception {
        server.close();
        server = BrokerServer.start(BrokerServer.Options.of(PlatformCatalog.find("cloud").orElseThrow())
                .minBodyRate(64 * 1024));
        http = new Http(server.baseUrl());
        java.net.URI base = java.net.URI.create(server.baseUrl());
        try (java.net.Socket slow = new java.net.Socket(base.getHost(), base.getPort())) {
            slow.setSoTimeout(20_000);
            var out = slow.getOutputStream();
            // headers that promise 100,000 bytes, then ten of them, then nothing: the body's deadline (10 s) passes
            // before Jetty's idle timeout (15 s) would
            out.write(("POST /requests HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\n"
                    + "Content-Length: 100000\r\n\r\n##########").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            String answer;
            try {
                answer = new String(slow.getInputStream().readNBytes(12), java.nio.charset.StandardCharsets.US_ASCII);
            } catch (java.io.IOException cutOff) {
                answer = "closed";
            }
            // an answer (408) or a closed connection means it was cut off
            assertTrue(answer.startsWith("HTTP/1.1 408") || answer.equals("closed"), answer);
        }
        assertEquals(303, ask(DOCKER).statusCode(), "and the broker serves others");
    }
}
