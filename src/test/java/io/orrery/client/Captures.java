package io.orrery.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The response halves of captured exchanges, to replay the reference brokers as they really answered. */
final class Captures {
    private Captures() {}

    /** Status, Content-Type and body of the first response in a capture file. */
    record Answer(int status, String contentType, String body) {
    }

    static Answer response(String name) {
        Path f = Path.of(System.getProperty("orrery.captures", "src/test/resources/captures")).resolve(name);
        try {
            String text = Files.readString(f);
            int at = text.indexOf("\nHTTP/1.1 ");
            String rest = text.substring(at + 1);
            int status = Integer.parseInt(rest.substring(9, 12));
            int blank = rest.indexOf("\n\n");
            String headers = rest.substring(0, blank);
            String type = headers.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
                    .map(l -> l.substring(13).trim()).findFirst().orElse(null);
            String body = rest.substring(blank + 2);
            int next = body.indexOf("\n---");
            return new Answer(status, type, (next >= 0 ? body.substring(0, next) : body).strip() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
