package io.orrery.server;

import io.orrery.broker.BrokerCore;
import io.orrery.broker.Links;
import io.orrery.broker.session.NotFoundException;
import io.orrery.broker.session.OutputName;
import io.orrery.broker.session.SessionOutputs.OutputFile;
import io.orrery.model.codec.Dialect;
import io.orrery.model.codec.Format;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A session's outputs as connectors: {@code GET /sessions/{uuid}/connectors} lists them, and
 * {@code GET /sessions/{uuid}/connectors/{name}} reads one ({@code stdout}, {@code stderr}, {@code exit},
 * {@code outputs/...}) from the start, from {@code ?offset=N}, or from {@code Range: bytes=N-} (206), at most
 * {@link #CHUNK} bytes an answer. {@code Orrery-Output-Growing} says whether more may come and
 * {@code Orrery-Output-Next} where to ask from; a range past the end of a growing output is an empty 206, so that a
 * follower can poll, and past the end of a complete one a 416.
 */
final class OutputRoutes {
    /** The most an answer carries; the client asks again from where it got to. */
    static final int CHUNK = 1 << 20;
    static final String GROWING = "Orrery-Output-Growing";
    static final String NEXT = "Orrery-Output-Next";
    static final String SIZE = "Orrery-Output-Size";
    private static final Pattern ROUTE = Pattern.compile("/sessions/([^/]+)/connectors(?:/(.*))?");
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d{1,18})-(\\d{1,18})?");

    private final BrokerCore core;
    private final Links links;
    private final BiConsumer<String, String> owned;

    /** {@code owned} answers 404 for a session the caller may not see. */
    OutputRoutes(BrokerCore core, Links links, BiConsumer<String, String> owned) {
        this.core = core;
        this.links = links;
        this.owned = owned;
    }

    /** Whether a path (as sent) is one of these routes. */
    static boolean matches(String rawPath) {
        return ROUTE.matcher(rawPath).matches();
    }

    void handle(Exchange ex, String user) {
        Matcher m = ROUTE.matcher(ex.rawPath());
        if (!m.matches()) {
            throw new HttpProblem(404, "Not Found", "no such path");
        }
        BrokerHandler.allow(ex, "GET");
        String id = BrokerHandler.id(m.group(1));
        owned.accept(id, user);
        if (m.group(2) == null) {
            list(ex, id);
        } else {
            String problem = OutputName.problem(m.group(2));
            if (problem != null) {
                throw new HttpProblem(400, "Bad Request", problem);
            }
            read(ex, id, m.group(2));
        }
    }

    private void list(Exchange ex, String id) {
        Format format = ex.answerFormat(Format.YAML);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("session", links.session(id));
        ArrayNode outputs = body.putArray("outputs");
        for (OutputFile f : core.outputs(id)) {
            outputs.addObject().put("name", f.name()).put("size", f.size()).put("growing", f.growing())
                    .put("location", links.connector(id, f.name()));
        }
        ex.send(200, body, format, Dialect.NEWEST, Map.of("Cache-Control", "no-store"));
    }

    private void read(Exchange ex, String id, String name) {
        List<OutputFile> all = core.outputs(id);
        OutputFile f = all.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow(() ->
                new NotFoundException("session " + id + " has no output '" + name + "' (" + (all.isEmpty()
                        ? "it has none yet" : "it has " + String.join(", ", all.stream().map(OutputFile::name).toList()))
                        + ")"));
        Optional<long[]> range = range(ex);
        long offset = range.map(r -> r[0]).orElseGet(() -> offset(ex));
        long last = range.map(r -> r[1]).orElse(Long.MAX_VALUE);
        if (range.isPresent() && offset >= f.size() && !f.growing()) {
            throw new HttpProblem(416, "Range Not Satisfiable", List.of(HttpProblem.Detail.of("'" + name + "' is complete"
                    + " at " + f.size() + " bytes; nothing starts at byte " + offset)), Map.of("Content-Range",
                    "bytes */" + f.size(), GROWING, "false", NEXT, String.valueOf(f.size()), SIZE,
                    String.valueOf(f.size())));
        }
        long wanted = last == Long.MAX_VALUE ? CHUNK : last - offset + 1;
        byte[] bytes = bytes(id, name, offset, (int) Math.min(CHUNK, wanted));
        long next = offset + bytes.length;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept-Ranges", "bytes");
        headers.put("Cache-Control", "no-store");
        headers.put(GROWING, String.valueOf(f.growing()));
        headers.put(NEXT, String.valueOf(next));
        headers.put(SIZE, String.valueOf(Math.max(f.size(), next)));
        if (range.isPresent() && bytes.length > 0) {
            headers.put("Content-Range", "bytes " + offset + "-" + (next - 1) + "/" + (f.growing() ? "*" : f.size()));
        }
        ex.sendBytes(range.isPresent() ? 206 : 200, bytes, textual(name) ? "text/plain; charset=utf-8"
                : "application/octet-stream", headers);
    }

    private byte[] bytes(String id, String name, long offset, int most) {
        try (InputStream in = core.openOutput(id, name, offset)) {
            return in.readNBytes(most);
        } catch (IOException e) {
            throw new HttpProblem(503, "Service Unavailable", List.of(HttpProblem.Detail.of("the output '" + name
                    + "' cannot be read just now (" + e.getClass().getSimpleName() + "): try again in a moment")),
                    Map.of("Retry-After", "1"));
        }
    }

    private static boolean textual(String name) {
        return !name.startsWith("outputs/");
    }

    /** {@code Range: bytes=N-} or {@code bytes=N-M}, as [first, last]; empty when there is none. */
    private static Optional<long[]> range(Exchange ex) {
        String h = ex.header(HttpHeader.RANGE);
        if (h == null) {
            return Optional.empty();
        }
        Matcher m = RANGE.matcher(h.strip());
        if (!m.matches()) {
            throw new HttpProblem(400, "Bad Request", "only one range from a byte on is read here (Range: bytes=N- or"
                    + " bytes=N-M), not '" + h + "'");
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2) == null ? Long.MAX_VALUE : Long.parseLong(m.group(2));
        if (last < first) {
            throw new HttpProblem(400, "Bad Request", "the range " + h + " ends before it starts");
        }
        return Optional.of(new long[] {first, last});
    }

    /** {@code ?offset=N}, a simpler alternative to a Range header; 0 when absent. */
    private static long offset(Exchange ex) {
        Optional<String> o = ex.query("offset");
        if (o.isEmpty()) {
            return 0;
        }
        if (!o.get().matches("\\d{1,18}")) {
            throw new HttpProblem(400, "Bad Request", "offset must be a whole number of bytes from 0, not '"
                    + o.get() + "'");
        }
        return Long.parseLong(o.get());
    }
}
