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
    private final Front front;

    FrontHandler(Front front, Auth auth, Admission admission, RequestLog log) {
        super(auth, BrokerServer.BODY_LIMIT, BrokerServer.MIN_BODY_RATE, admission, log);
        this.front = front;
    }

    @Override
    void route(Exchange ex, String user) {
        String path = ex.path();
        if (path.equals("/")) {
            allow(ex, "GET");
            ex.send(200, front.description(), ex.answerFormat(Format.YAML), Dialect.NEWEST, Map.of());
        } else if (path.equals("/requests") || path.equals("/offersets")) {
            allow(ex, "POST");
            Format answer = ex.answerFormat(Format.YAML);
            Exchange.Parsed<ExecutionRequest> req = ex.read(ExecutionRequest.class, "an execution request");
            JsonNode set = front.request(req.document(), user);
            ex.send(303, set, ex.header(HttpHeader.ACCEPT) == null ? req.format() : answer, req.dialect(),
                    Map.of("Location", set.path("meta").path("url").asString()));
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
                JsonNode s = front.update(id, u.document());
                ex.send(200, s, ex.header(HttpHeader.ACCEPT) == null ? u.format() : answer, u.dialect(), Map.of());
            } else {
                throw notAllowed("GET, POST");
            }
        } else {
            throw new HttpProblem(404, "Not Found", "no such path: " + path + " (a federation answers POST /requests,"
                    + " GET /offersets/{uuid}, GET|POST /sessions/{uuid}; see GET /)");
        }
    }

    private String owned(String what, String text, String user) {
        String id = id(text);
        owned(what, id, user, auth.enabled() ? front.owner(id) : java.util.Optional.empty());
        return id;
    }
}
