package io.orrery.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Staging without an engine: checksums of each type, the size limit, what a server or a URL can get wrong. */
class DataStagerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private static JsonNode offer(String location, String checksum) {
        return JSON.readTree("{\"data\":[{\"meta\":{\"name\":\"d\"},\"location\":\"" + location + "\""
                + (checksum == null ? "" : ",\"checksum\":" + checksum) + "}]}");
    }

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("src.txt"), text);
    }

    @Test
    void eachChecksumTypeIsVerified() throws Exception {
        Path src = file("hello\n");
        DataStager stager = new DataStager(1024, Duration.ofSeconds(5));
        String url = src.toUri().toString();
        for (String sum : new String[] {"{\"type\":\"md5\",\"value\":\"b1946ac92492d2347c6235b4d2611184\"}",
            "{\"type\":\"sha1\",\"value\":\"f572d396fae9206628714fb2ce00f72e94f2258f\"}",
            "{\"type\":\"SHA-256\",\"value\":\"5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03\"}",
            "{\"type\":\"adler32\",\"value\":\"084b021f\"}", "{\"type\":\"adler32\",\"value\":\"84b021f\"}"}) {
            Map<String, Path> staged = stager.stage(offer(url, sum), dir.resolve("scratch"));
            assertEquals("hello\n", Files.readString(staged.get("d")), sum);
            assertEquals("src.txt", staged.get("d").getFileName().toString());
        }
        IOException wrong = assertThrows(IOException.class, () -> stager.stage(offer(url,
                "{\"type\":\"md5\",\"value\":\"00\"}"), dir.resolve("scratch")));
        assertEquals("data d: md5 checksum is b1946ac92492d2347c6235b4d2611184, expected 00", wrong.getMessage());
        IOException unknown = assertThrows(IOException.class, () -> stager.stage(offer(url,
                "{\"type\":\"crc64\",\"value\":\"00\"}"), dir.resolve("scratch")));
        assertTrue(unknown.getMessage().contains("unknown checksum type 'crc64'"), unknown.getMessage());
    }

    @Test
    void dataLargerThanTheLimitIsRefused() throws Exception {
        Path src = file("x".repeat(2000));
        IOException e = assertThrows(IOException.class, () -> new DataStager(1000, Duration.ofSeconds(5))
                .stage(offer(src.toUri().toString(), null), dir.resolve("scratch")));
        assertEquals("data d is larger than the 1000 bytes this platform stages", e.getMessage());
    }

    @Test
    void whatAServerOrAUrlGetsWrongIsSaidPlainly() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
        DataStager stager = new DataStager(1000, Duration.ofSeconds(5));
        Path scratch = dir.resolve("scratch");
        try {
            String missing = "http://127.0.0.1:" + server.getAddress().getPort() + "/gone.fits";
            assertEquals("data d: " + missing + " answered HTTP 404", assertThrows(IOException.class,
                    () -> stager.stage(offer(missing, null), scratch)).getMessage());
        } finally {
            server.stop(0);
        }
        assertTrue(assertThrows(IOException.class, () -> stager.stage(offer("s3://bucket/key", null), scratch))
                .getMessage().contains("cannot fetch s3 URLs"));
        assertTrue(assertThrows(IOException.class, () -> stager.stage(offer("file:///no/such/file", null), scratch))
                .getMessage().contains("no file at /no/such/file"));
        assertTrue(assertThrows(IOException.class, () -> stager.stage(offer("http://[bad", null), scratch))
                .getMessage().contains("is not a URL"));
        assertEquals("content", DataStager.fileName("https://example.org/"));
        assertEquals("a_b.fits", DataStager.fileName("https://example.org/x/a b.fits?download=1"));
        assertEquals("_", DataStager.safe(".."));
    }
}
