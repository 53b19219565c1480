package io.orrery.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.clock.VirtualClock;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.model.OfferSet;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The requests real clients sent to the reference brokers, replayed against ours: sensible answers, never 5xx. */
class CaptureRequestsTest {
    private static final Pattern REQUEST = Pattern.compile("(?s)(POST) (/\\S*)(?: HTTP/1\\.1)?\\n(.*?)\\n\\n(.*)");

    record Sent(Path file, String path, String contentType, String body) {
    }

    static List<Sent> requests() throws IOException {
        List<Sent> out = new ArrayList<>();
        Path root = Path.of(System.getProperty("orrery.captures", "src/test/resources/captures"));
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                String text = Files.readString(f);
                String first = text.split("(?m)^(---|=== RESPONSE)\\s*$")[0];
                Matcher m = REQUEST.matcher(first.substring(Math.max(0, first.indexOf("POST "))));
                if (first.contains("POST ") && m.find()) {
                    String type = null;
                    for (String h : m.group(3).split("\\n")) {
                        if (h.toLowerCase().startsWith("content-type:")) {
                            type = h.substring(13).trim();
                        }
                    }
                    out.add(new Sent(f, m.group(2), type, m.group(4).strip() + "\n"));
                }
            }
        }
        return out;
    }

    @Test
    void everyCapturedRequestGetsASensibleAnswer() throws Exception {
        List<Sent> sent = requests();
        assertTrue(sent.size() > 40, "captured requests: " + sent.size());
        Map<Integer, Integer> statuses = new TreeMap<>();
        try (BrokerServer server = BrokerServer.start(BrokerServer.Options.of(PlatformCatalog.find("cloud").orElseThrow())
                .clock(new VirtualClock(Instant.parse("2026-11-21T20:00:00Z"))))) {
            Http http = new Http(server.baseUrl());
            for (Sent s : sent) {
                String path = s.path();
                HttpResponse<String> r = http.post(path, s.contentType(), "application/yaml", s.body());
                statuses.merge(r.statusCode(), 1, Integer::sum);
                String name = s.file().getFileName().toString();
                assertTrue(r.statusCode() < 500, name + " -> " + r.statusCode() + "\n" + r.body());
                if (r.statusCode() == 303 && (path.equals("/requests") || path.equals("/offersets"))) {
                    OfferSet set = WireCodec.readAs(r.body(), Format.YAML, OfferSet.class);
                    assertTrue("YES".equals(set.result()) || !set.meta().messages().isEmpty(), name + ": a silent NO");
                }
                if (r.statusCode() == 404) {
                    assertTrue(path.startsWith("/sessions/") || path.startsWith("/admin"),
                            name + ": only sessions of another broker and its admin paths are unknown here");
                }
                if (name.contains("malformed")) {
                    assertEquals(400, r.statusCode(), name);
                }
                if (name.contains("text-plain")) {
                    assertEquals(415, r.statusCode(), name);
                }
                if (name.matches("0[1-8]-requests-post-.*|0[1-4]-offerset-post-.*")) {
                    assertEquals(303, r.statusCode(), name + "\n" + r.body());
                }
            }
        }
        System.out.println("captured requests replayed: " + sent.size() + ", statuses " + statuses);
    }
}
