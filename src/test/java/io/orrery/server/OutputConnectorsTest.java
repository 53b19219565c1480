package io.orrery.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Await;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.model.ExecutionSession;
import io.orrery.model.OfferSet;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A session's outputs as connectors over real HTTP on 127.0.0.1: list, whole, ranges, growth, errors, ownership. */
class OutputConnectorsTest {
    static final String YAML = "application/yaml";
    static final String ACCEPT = "kind: uri:enum-value-update\npath: phase\nvalue: ACCEPTED\n";

    @TempDir
    Path dir;
    private BrokerServer server;
    private ScriptedExecution execution;

    /** A server on the laptop platform whose sessions leave outputs. */
    private Http start(Path tokens) throws IOException {
        execution = new ScriptedExecution(dir.resolve("sessions"), Clock.systemUTC());
        BrokerServer.Options o = BrokerServer.Options.of(PlatformCatalog.find("laptop").orElseThrow()).execution(execution);
        server = BrokerServer.start(tokens == null ? o : o.auth(tokens, null));
        return new Http(server.baseUrl());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Asks for offers, accepts the first, and waits until it runs and has written its first line; its path. */
    static String running(Http http) throws IOException {
        HttpResponse<String> r = http.post("/requests", YAML, YAML, ServerApiTest.sample("01-minimal-container.yaml"));
        assertEquals(303, r.statusCode(), r.body());
        String url = WireCodec.readAs(r.body(), Format.YAML, OfferSet.class).offers().get(0).meta().url();
        assertEquals(200, http.post(url, YAML, YAML, ACCEPT).statusCode());
        String path = url.substring(url.indexOf("/sessions/"));
        Await.until(Duration.ofSeconds(10), () -> new String(http.bytes(path + "/connectors/stdout").body(),
                StandardCharsets.UTF_8).equals(ScriptedExecution.FIRST_LINE), "the session runs and prints: "
                + http.get(path, YAML).body() + new String(http.bytes(path + "/connectors/stdout").body(), StandardCharsets.UTF_8));
        return path;
    }

    private static String id(String path) {
        return path.substring("/sessions/".length());
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    @Test
    void listsTheOutputsAndReadsOneWhole() throws IOException {
        Http http = start(null);
        String s = running(http);
        HttpResponse<String> list = http.get(s + "/connectors", "application/json");
        assertEquals(200, list.statusCode(), list.body());
        JsonNode outputs = WireCodec.read(list.body(), Format.JSON).tree().path("outputs");
        assertEquals(List.of("stdout", "stderr"), outputs.valueStream().map(o -> o.path("name").asString()).toList());
        assertTrue(outputs.get(0).path("growing").asBoolean(), list.body());
        assertEquals(server.baseUrl() + s + "/connectors/stdout", outputs.get(0).path("location").asString());
        assertTrue(http.get(s + "/connectors", null).body().startsWith("session: "), "YAML when nothing is asked for");

        HttpResponse<byte[]> whole = http.bytes(s + "/connectors/stdout");
        assertEquals(200, whole.statusCode());
        assertEquals(ScriptedExecution.FIRST_LINE, text(whole));
        assertEquals("text/plain; charset=utf-8", header(whole, "Content-Type"));
        assertEquals("true", header(whole, "Orrery-Output-Growing"));
        assertEquals(String.valueOf(ScriptedExecution.FIRST_LINE.length()), header(whole, "Orrery-Output-Next"));

        ExecutionSession session = WireCodec.readAs(http.get(s, YAML).body(), Format.YAML, ExecutionSession.class);
        assertTrue(session.connectors().stream().anyMatch(c -> (server.baseUrl() + s + "/connectors/stdout")
                .equals(c.location())), "the session's connectors point at these routes");
        assertTrue(http.get("/", YAML).body().contains("/connectors/{name}"), "GET / describes the routes");
    }

    @Test
    void readsFromAnOffsetByRangeOrQuery() throws IOException {
        Http http = start(null);
        String s = running(http);
        int n = ScriptedExecution.FIRST_LINE.length();
        HttpResponse<byte[]> ranged = http.bytes(s + "/connectors/stdout", "Range", "bytes=6-");
        assertEquals(206, ranged.statusCode());
        assertEquals(ScriptedExecution.FIRST_LINE.substring(6), text(ranged));
        assertEquals("bytes 6-" + (n - 1) + "/*", header(ranged, "Content-Range"), "a growing output has no total yet");
        HttpResponse<byte[]> query = http.bytes(s + "/connectors/stdout?offset=6");
        assertEquals(200, query.statusCode());
        assertEquals(ScriptedExecution.FIRST_LINE.substring(6), text(query));
        HttpResponse<byte[]> bounded = http.bytes(s + "/connectors/stdout", "Range", "bytes=0-4");
        assertEquals("hello", text(bounded));
        HttpResponse<byte[]> ahead = http.bytes(s + "/connectors/stdout", "Range", "bytes=" + (n + 100) + "-");
        assertEquals(206, ahead.statusCode(), "a follower polls past the end of a growing output without a 416");
        assertEquals(0, ahead.body().length);
        assertEquals("true", header(ahead, "Orrery-Output-Growing"));
        assertEquals(400, http.bytes(s + "/connectors/stdout", "Range", "bytes=-5").statusCode());
        assertEquals(400, http.bytes(s + "/connectors/stdout?offset=-1").statusCode());
    }

    @Test
    void aGrowingOutputGrowsThenCompletes() throws IOException {
        Http http = start(null);
        String s = running(http);
        execution.print(id(s), "second line\n");
        Await.until(Duration.ofSeconds(10), () -> text(http.bytes(s + "/connectors/stdout")).endsWith("second line\n"),
                "the second line arrives");
        execution.finish(id(s));
        Await.until(Duration.ofSeconds(10), () -> "COMPLETED".equals(WireCodec.readAs(http.get(s, YAML).body(),
                Format.YAML, ExecutionSession.class).phase()), "the session completes");
        String all = ScriptedExecution.FIRST_LINE + "second line\n";
        HttpResponse<byte[]> whole = http.bytes(s + "/connectors/stdout", "Range", "bytes=0-");
        assertEquals(all, text(whole));
        assertEquals("false", header(whole, "Orrery-Output-Growing"));
        assertEquals("bytes 0-" + (all.length() - 1) + "/" + all.length(), header(whole, "Content-Range"));
        HttpResponse<byte[]> end = http.bytes(s + "/connectors/stdout", "Range", "bytes=" + all.length() + "-");
        assertEquals(416, end.statusCode(), "past the end of a complete output");
        assertEquals("bytes */" + all.length(), header(end, "Content-Range"));
        HttpResponse<byte[]> result = http.bytes(s + "/connectors/outputs/result.txt");
        assertEquals(ScriptedExecution.RESULT, text(result));
        assertEquals("application/octet-stream", header(result, "Content-Type"));
        assertArrayEquals("\u0000\u0001binary".getBytes(StandardCharsets.UTF_8),
                http.bytes(s + "/connectors/outputs/deep/er/data.bin").body());
        assertEquals("0\n", text(http.bytes(s + "/connectors/exit")));
    }

    @Test
    void unknownOutputsAndSessionsAre404AndBadNames400() throws IOException {
        Http http = start(null);
        String s = running(http);
        HttpResponse<String> missing = http.get(s + "/connectors/outputs/nothing.txt", "application/json");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("no output 'outputs/nothing.txt'") && missing.body().contains("stdout"),
                missing.body());
        assertEquals(404, http.get(s + "/connectors/exit", null).statusCode(), "no exit code while it runs");
        assertEquals(404, http.get("/sessions/5b3e0e44-0000-4000-8000-000000000000/connectors/stdout", null).statusCode());
        assertEquals(404, http.get("/sessions/5b3e0e44-0000-4000-8000-000000000000/connectors", null).statusCode());
        assertEquals(400, http.get("/sessions/not-a-uuid/connectors/stdout", null).statusCode());
        assertEquals(405, http.post(s + "/connectors/stdout", YAML, YAML, "x: 1").statusCode());
        for (String bad : List.of("outputs/../../../etc/passwd", "outputs/a/../../stdout", "outputs//x", "outputs/",
                "outputs/a%5Cb", "outputs/%2e%2e/x", "outputs/a\\b", "stdout/..", "../stdout", "outputs/%00",
                "outputs/./x", "etc/passwd", "outputs/a b", "")) {
            String path = s + "/connectors/" + bad.replace("\\", "%5C").replace(" ", "%20");
            HttpResponse<String> r = http.get(path, "application/json");
            assertEquals(400, r.statusCode(), path + ": " + r.body());
        }
        HttpResponse<String> said = http.get(s + "/connectors/outputs/../x", "application/json");
        assertTrue(said.body().contains("cannot leave"), said.body());
    }

    @Test
    void anotherUsersOutputsAreNotFound() throws IOException {
        Path tokens = Files.writeString(dir.resolve("tokens"), "alice s3cret-alice-token\nbob s3cret-bob-token\n");
        Http http = start(tokens);
        Http alice = http.bearer("s3cret-alice-token");
        String s = running(alice);
        assertEquals(200, alice.get(s + "/connectors", null).statusCode());
        assertEquals(404, http.bearer("s3cret-bob-token").get(s + "/connectors/stdout", null).statusCode());
        assertEquals(404, http.bearer("s3cret-bob-token").get(s + "/connectors", null).statusCode());
        assertEquals(401, http.get(s + "/connectors/stdout", null).statusCode());
    }
}
