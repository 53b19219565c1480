package io.orrery.server;

import io.orrery.model.ExecutionRequest;
import io.orrery.model.Update;
import io.orrery.model.codec.Dialect;
import io.orrery.model.codec.Format;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import tools.jackson.databind.JsonNode;

/** The ExecutionBroker web API (offers, offer sets, sessions) over a {@link Front}; the frame is {@link ApiHandler}. */
final class FrontHandler extends ApiHandler {
    private static final java.util.regex.Pattern RANGE = java.util.regex.Pattern.compile("bytes=(\\d{1,18})-");
    private final Front front;

    FrontHandler(Front front, Auth auth, OidcVerifier oidc, Admission admission, RequestLog log) {
        super(auth, oidc, BrokerServer.BODY_LIMIT, BrokerServer.MIN_BODY_RATE, admission, log);
        this.front = front;
    }

    @Override
    void route(Exchange ex, String user) {
        String path = ex.path();
        if (path.equals("/")) {
            allow(ex, "GET");
            ex.send(200, described(), ex.answerFormat(Format.YAML), Dialect.NEWEST, Map.of());
        } else if (path.equals("/requests") || path.equals("/offersets") || path.equals("/direct")
                || path.equals("/sessions")) {
            allow(ex, "POST");
            Format answer = ex.answerFormat(Format.YAML);
            Exchange.Parsed<ExecutionRequest> req = ex.read(ExecutionRequest.class, "an execution request");
            boolean direct = path.equals("/direct") || path.equals("/sessions");
            if (direct) {
                ex.require(Scopes.ACCEPT); // direct execution accepts an offer at once: asking and accepting
            }
            JsonNode made = direct ? front.direct(req.document(), user) : front.request(req.document(), user);
            ex.send(303, made, ex.header(HttpHeader.ACCEPT) == null ? req.format() : answer, req.dialect(),
                    Map.of("Location", made.path("meta").path("url").asString()));
        } else if (path.startsWith("/sessions/") && path.contains("/connectors/")) {
            allow(ex, "GET");
            String rest = path.substring("/sessions/".length());
            String id = owned("session", rest.substring(0, rest.indexOf('/')), user);
            String name = rest.substring(rest.indexOf("/connectors/") + "/connectors/".length());
            String problem = io.orrery.broker.session.OutputName.problem(name);
            if (problem != null) {
                throw new HttpProblem(400, "Bad Request", problem);
            }
            String range = ex.header(HttpHeader.RANGE);
            java.util.regex.Matcher m = RANGE.matcher(range == null ? "" : range.strip());
            if (range != null && !m.matches()) {
                throw new HttpProblem(400, "Bad Request", "a federation reads outputs from a byte on (Range: bytes=N-),"
                        + " not '" + range + "'");
            }
            long offset = range != null ? Long.parseLong(m.group(1))
                    : ex.query("offset").filter(o -> o.matches("\\d{1,18}")).map(Long::parseLong).orElse(0L);
            Front.Output out = front.output(id, name, offset);
            Map<String, String> headers = new java.util.LinkedHashMap<>(Map.of("Cache-Control", "no-store",
                    OutputRoutes.GROWING, String.valueOf(out.growing()), OutputRoutes.NEXT, String.valueOf(out.next())));
            if (range != null && out.bytes().length > 0) {
                // the total is the site's to know: '*', and the growing header says whether more may come
                headers.put("Content-Range", "bytes " + offset + "-" + (out.next() - 1) + "/*");
            }
            ex.sendBytes(range != null ? 206 : 200, out.bytes(), name.startsWith("outputs/") ? "application/octet-stream"
                    : "text/plain; charset=utf-8", headers);
        } else if (path.startsWith("/offersets/")) {
            allow(ex, "GET");
            String id = owned("offer set", path.substring("/offersets/".length()), user);
            JsonNode set = front.offerSet(id).orElseThrow(() -> notFound("offer set", id));
            ex.send(200, set, ex.answerFormat(Format.YAML), Dialect.NEWEST, Map.of());
        } else if (path.startsWith("/sessions/")) {
            String id = owned("session", path.substring("/sessions/".length()), user);
            if (ex.method().equals("GET")) {
                JsonNode s = front.session(id).orElseThrow(() -> notFound("session", id));
                ex.send(200, s, ex.answerFormat(Format.YAML), Dialect.NEWEST, Map.of());
            } else if (ex.method().equals("POST")) {
                Format answer = ex.answerFormat(Format.YAML);
                Exchange.Parsed<Update> u = ex.read(Update.class, "an update such as {kind: uri:enum-value-update,"
                        + " path: phase, value: ACCEPTED}");
                ex.require(Scopes.of(u.document()));
                JsonNode s = front.update(id, u.document());
                ex.send(200, s, ex.header(HttpHeader.ACCEPT) == null ? u.format() : answer, u.dialect(), Map.of());
            } else {
                throw notAllowed("GET, POST");
            }
        } else {
            throw new HttpProblem(404, "Not Found", "no such path: " + path + " (a federation answers POST /requests,"
                    + " POST /direct, GET /offersets/{uuid}, GET|POST /sessions/{uuid},"
                    + " GET /sessions/{uuid}/connectors/{name}; see GET /)");
        }
    }

    private String owned(String what, String text, String user) {
        String id = id(text);
        owned(what, id, user, authenticating() ? front.owner(id) : java.util.Optional.empty());
        return id;
    }

    /** The front's own description, with what OIDC asks of callers when an issuer is configured. */
    private JsonNode described() {
        JsonNode d = front.description();
        if (!oidc.enabled() || !(d instanceof tools.jackson.databind.node.ObjectNode o)) {
            return d;
        }
        tools.jackson.databind.node.ObjectNode copy = o.deepCopy();
        copy.put("authentication", schemes());
        oidc.describe(copy);
        return copy;
    }
}
