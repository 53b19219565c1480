package io.orrery.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.broker.session.OutputName;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeded random output names: none that passes the check leaves its folder, and none makes the server fail. */
class OutputNameFuzzTest {
    private static final String[] PIECES = {"outputs/", "outputs", "/", "//", ".", "..", "../", "./", "\\", "%2e",
        "%2F", "%5c", "%00", "a", "b.txt", "-", "_", "+", "~", ":", "stdout", "stderr", "exit", "ü", "\u0000", "\n",
        " ", "?", "#", ";", "C:", "~root", "....", "x..y", "\u202e"};

    @TempDir
    Path dir;

    static List<String> names(long seed, int count) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder b = new StringBuilder(random.nextInt(3) == 0 ? "" : "outputs/");
            int parts = 1 + random.nextInt(8);
            for (int p = 0; p < parts; p++) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            out.add(b.toString());
        }
        return out;
    }

    @Test
    void noAcceptedNameLeavesItsFolder() {
        Path root = Path.of("/srv/orrery/session");
        int accepted = 0;
        for (String name : names(16L, 5000)) {
            String problem = OutputName.problem(name);
            if (problem == null) {
                accepted++;
                Path p = root.resolve(name).normalize();
                assertTrue(p.startsWith(root) && !p.equals(root), name);
                assertEquals(root.resolve(name), p, "an accepted name is already normal: " + name);
                assertFalse(name.contains("\\") || name.contains("%") || List.of(name.split("/")).contains("..")
                        || List.of(name.split("/")).contains("."), name);
            } else {
                assertFalse(problem.isBlank());
                assertFalse(problem.contains("\n"), "one line: " + problem);
            }
        }
        assertTrue(accepted > 100, "the fuzzer reaches valid names too: " + accepted);
    }

    @Test
    void theServerAnswers400Or404NeverAFailure() throws IOException {
        ScriptedExecution execution = new ScriptedExecution(dir, Clock.systemUTC());
        try (BrokerServer server = BrokerServer.start(BrokerServer.Options.of(PlatformCatalog.find("laptop")
                .orElseThrow()).execution(execution))) {
            Http http = new Http(server.baseUrl());
            String s = OutputConnectorsTest.running(http);
            for (String name : names(61L, 400)) {
                String path = s + "/connectors/" + encode(name);
                HttpResponse<byte[]> r = http.bytes(path);
                int expected = OutputName.valid(name) ? (name.equals("stdout") || name.equals("stderr") ? 200 : 404) : 400;
                assertEquals(expected, r.statusCode(), path + ": " + new String(r.body(), StandardCharsets.UTF_8));
            }
        }
    }

    /** The name in a URL path: '/' and the unreserved characters as they are, everything else percent-encoded. */
    private static String encode(String name) {
        StringBuilder b = new StringBuilder();
        for (byte c : name.getBytes(StandardCharsets.UTF_8)) {
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "/-._~+".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c & 0xff));
            }
        }
        return b.toString();
    }
}
