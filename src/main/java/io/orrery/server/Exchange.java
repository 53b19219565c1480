package io.orrery.server;

import io.orrery.model.ExecutionRequest;
import io.orrery.model.WireDocument;
import io.orrery.model.check.Finding;
import io.orrery.model.check.LocatedFinding;
import io.orrery.model.check.QuantityChecks;
import io.orrery.model.codec.Dialect;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.ParsedDocument;
import io.orrery.model.codec.SyntaxException;
import io.orrery.model.codec.WireCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** One request and its answer: reading a bounded body in a known format, negotiating and writing the reply. */
final class Exchange {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final int bodyLimit;
    private final long minBodyRate;
    private int status;
    private boolean bodyRead;
    private java.util.Set<String> scopes;

    Exchange(Request request, Response response, Callback callback, int bodyLimit, long minBodyRate) {
        this.minBodyRate = minBodyRate;
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.bodyLimit = bodyLimit;
    }

    String method() {
        return request.getMethod();
    }

    String path() {
        return Request.getPathInContext(request);
    }

    /** The path as sent, still percent-encoded and with any dot segments (names are checked on this). */
    String rawPath() {
        return request.getHttpURI().getPath();
    }

    /** The address the request came from (the client's, or a proxy's in front of us). */
    String remoteAddress() {
        return Request.getRemoteAddr(request);
    }

    int status() {
        return status;
    }

    /** The caller holds only these scopes (an OIDC token's); without this call, every scope. */
    void grant(java.util.Set<String> granted) {
        scopes = granted;
    }

    /** 403 (insufficient_scope) unless the caller holds the scope. */
    void require(String scope) {
        if (scopes != null && !scopes.contains(scope)) {
            throw OidcVerifier.insufficient(scope);
        }
    }

    String header(HttpHeader h) {
        return request.getHeaders().get(h);
    }

    Optional<String> query(String name) {
        Fields fields = Request.extractQueryParameters(request);
        return Optional.ofNullable(fields.getValue(name));
    }

    /** The body's length as declared (Content-Length), or the body limit when it is not declared (chunked). */
    long declaredLength(int limit) {
        long n = request.getLength();
        return n < 0 ? limit : Math.min(n, limit + 1L);
    }


    /** The format to answer in; 406 when the client accepts none of ours. */
    Format answerFormat(Format fallback) {
        return MediaTypes.answer(header(HttpHeader.ACCEPT), fallback).orElseThrow(() -> new HttpProblem(406,
                "Not Acceptable", "this broker answers in application/yaml or application/json, not "
                        + header(HttpHeader.ACCEPT)));
    }

    /** The body's format from Content-Type; 415 for any other type; guessed when there is none. */
    Format bodyFormat(String body) {
        String type = header(HttpHeader.CONTENT_TYPE);
        if (type == null) {
            return Format.guess(null, body);
        }
        return MediaTypes.format(type).orElseThrow(() -> new HttpProblem(415, "Unsupported Media Type",
                "send application/yaml or application/json (text/yaml and application/x-yaml are read too), not " + type));
    }

    /** The body as text; 413 over the limit, 400 if it is not UTF-8. */
    String body() {
        bodyRead = true;
        BodyDeadline deadline = new BodyDeadline(request, declaredLength(bodyLimit), minBodyRate);
        try (deadline; InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = readUpTo(in, bodyLimit + 1);
            if (bytes.length > bodyLimit) {
                // read on (up to a bound) so that the client, still sending, gets the 413 rather than a reset
                in.skipNBytes(Math.min(Math.max(0, request.getLength() - bytes.length), 16L * bodyLimit));
                throw tooLarge();
            }
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new HttpProblem(400, "Bad Request", "the body is not UTF-8 text");
        } catch (IOException | RuntimeException e) {
            if (deadline.passed()) {
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
                throw new HttpProblem(408, "Request Timeout", "the body arrived too slowly (under " + minBodyRate
                        + " bytes a second)");
            }
            if (e instanceof HttpProblem p) {
                throw p;
            }
            throw new HttpProblem(400, "Bad Request", "the body could not be read: " + e.getMessage());
        }
    }

    /**
     * At most max bytes of the body. A body that declares its length (under max) is read into an array of that size
     * at once; readNBytes alone would gather it in 8 KiB chunks and copy them into a third array on every request.
     */
    private byte[] readUpTo(InputStream in, int max) throws IOException {
        long declared = request.getLength();
        if (declared < 0 || declared >= max) {
            return in.readNBytes(max);
        }
        byte[] bytes = new byte[(int) declared];
        int n = in.readNBytes(bytes, 0, bytes.length);
        return n < bytes.length ? java.util.Arrays.copyOf(bytes, n) : bytes; // Jetty delivers no more than declared
    }

    private HttpProblem tooLarge() {
        return new HttpProblem(413, "Content Too Large", "bodies are limited to " + bodyLimit / 1024 + " KiB");
    }

    /** Reads the body as an ExecutionBroker document of the wanted type; 400 with positions when it is not. */
    <T extends WireDocument> Parsed<T> read(Class<T> type, String what) {
        String text = body();
        if (text.isBlank()) {
            throw new HttpProblem(400, "Bad Request", "the body is empty: send " + what);
        }
        Format format = bodyFormat(text);
        ParsedDocument doc;
        try {
            doc = WireCodec.read(text, format);
        } catch (SyntaxException e) {
            throw new HttpProblem(400, "Bad Request", List.of(new HttpProblem.Detail(e.getMessage(),
                    e.position().line(), e.position().column(), null)), Map.of());
        }
        List<HttpProblem.Detail> errors = errors(doc, doc.findings());
        if (!errors.isEmpty() || doc.document().isEmpty()) {
            throw new HttpProblem(400, "Bad Request", errors, Map.of());
        }
        WireDocument d = doc.document().get();
        if (!type.isInstance(d)) {
            throw new HttpProblem(400, "Bad Request", "expected " + what + ", but the body is " + WireCodec.describe(d));
        }
        if (d instanceof ExecutionRequest r) {
            List<HttpProblem.Detail> quantities = errors(doc, QuantityChecks.request(r));
            if (!quantities.isEmpty()) {
                throw new HttpProblem(400, "Bad Request", quantities, Map.of()); // out of range: 400 naming the field
            }
        }
        return new Parsed<>(type.cast(d), format, doc.dialect());
    }

    /** The errors among findings, placed in the body's text. */
    private static List<HttpProblem.Detail> errors(ParsedDocument doc, List<Finding> findings) {
        List<HttpProblem.Detail> out = new ArrayList<>();
        for (Finding f : findings) {
            if (f.isError()) {
                LocatedFinding l = doc.locate(f);
                out.add(new HttpProblem.Detail(l.message(), l.position().line(), l.position().column(), l.field()));
            }
        }
        return out;
    }

    /** A document read from the body, with its format and generation. */
    record Parsed<T>(T document, Format format, Dialect dialect) {
    }

    /** Writes a tree of the newest shape in the given generation. */
    void send(int code, JsonNode tree, Format format, Dialect dialect, Map<String, String> headers) {
        headers.forEach((k, v) -> response.getHeaders().put(k, v));
        write(code, WireCodec.writeCompact(tree, format, dialect), format.mediaType() + "; charset=utf-8");
    }

    /** Writes bytes as they are (an output of a session), with their media type and headers. */
    void sendBytes(int code, byte[] body, String contentType, Map<String, String> headers) {
        headers.forEach((k, v) -> response.getHeaders().put(k, v));
        write(code, body, contentType);
    }

    /**
     * Sends the problem after a delay, without holding a thread meanwhile (Jetty's scheduler writes it); the body,
     * if any, is read now. Then runs {@code after} (the log line).
     */
    void sendProblemLater(HttpProblem p, Format format, long delayMillis, Runnable after) {
        drain();
        request.getComponents().getScheduler().schedule(() -> {
            sendProblem(p, format);
            after.run();
        }, delayMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    void sendProblem(HttpProblem p, Format format) {
        drain();
        p.headers().forEach((k, v) -> response.getHeaders().put(k, v));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("status", p.status());
        body.put("error", p.getMessage());
        var list = body.putArray("messages");
        for (HttpProblem.Detail d : p.details()) {
            ObjectNode m = list.addObject();
            m.put("level", "ERROR");
            m.put("message", d.message());
            if (d.line() > 0) {
                m.put("line", d.line());
                m.put("column", d.column());
            }
            if (d.field() != null && !d.field().isEmpty()) {
                m.put("field", d.field());
            }
        }
        write(p.status(), WireCodec.writeCompact(body, format, Dialect.NEWEST), format.mediaType() + "; charset=utf-8");
    }

    /**
     * Reads a body nobody read (an error answered before it, such as 404 or 401), so that the connection can carry
     * the next request; one over the limit closes the connection instead.
     */
    private void drain() {
        if (bodyRead) {
            return;
        }
        bodyRead = true;
        try (BodyDeadline deadline = new BodyDeadline(request, declaredLength(bodyLimit), minBodyRate);
             InputStream in = Content.Source.asInputStream(request)) {
            byte[] buf = new byte[8192];
            long left = 16L * bodyLimit;
            int n;
            while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) >= 0) {
                left -= n;
            }
            if (left <= 0) {
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
            }
        } catch (IOException | RuntimeException e) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
    }

    private void write(int code, byte[] body, String contentType) {
        status = code;
        response.setStatus(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, java.nio.ByteBuffer.wrap(body), callback);
    }
}
