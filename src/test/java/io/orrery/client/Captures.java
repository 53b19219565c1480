package io.orrery.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The response halves of captured exchanges, to replay the reference brokers as they really answered. */
public final class Captures {
    private Captures() {}

    /** The flags {@link #yesWithWarnings()} must show: one on the whole answer, one on its first offer. */
    public static final String SET_WARNING = "the broker warns: Memory [3] rounded up to whole GiB [4]";
    public static final String OFFER_WARNING = "the broker warns: Offer [null-offer-0] may start late";

    /** Status, Content-Type and body of the first response in a capture file. */
    public record Answer(int status, String contentType, String body) {
    }

    public static Answer response(String name) {
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

    /**
     * The reference broker's YES to a request with a schedule (three offers, JSON), with WARN messages added as
     * BrokerMessages would write them: one on the offer set, one on its first offer. No captured YES carries one.
     */
    public static Answer yesWithWarnings() {
        Answer a = response("calycopis-2026-08/03-requests-post-docker-compute-schedule-json-alpha.txt");
        String setMeta = "\"meta\":{\"created\":\"2026-11-21T21:20:17.224453645Z\",";
        String offerMeta = "\"meta\":{\"created\":\"2026-11-21T21:20:17.237925729Z\",";
        String body = a.body()
                .replace(setMeta, setMeta + warn("Memory [${memory}] rounded up to whole GiB [${rounded}]",
                        "\"memory\":\"3\",\"rounded\":\"4\""))
                .replace(offerMeta, offerMeta + warn("Offer [${name}] may start late", "\"name\":\"null-offer-0\""));
        if (body.equals(a.body()) || body.indexOf("WARN") == body.lastIndexOf("WARN")) {
            throw new IllegalStateException("the capture changed: the warnings found no place");
        }
        return new Answer(a.status(), a.contentType(), body);
    }

    private static String warn(String template, String values) {
        return "\"messages\":[{\"kind\":\"urn:resource-limit\",\"level\":\"WARN\",\"template\":\"" + template
                + "\",\"values\":{" + values + "}}],";
    }
}
