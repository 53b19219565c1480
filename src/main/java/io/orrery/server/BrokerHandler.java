package io.orrery.server;

import io.orrery.broker.BrokerCore;
import io.orrery.broker.OfferAnswer;
import io.orrery.broker.PrefixLinks;
import io.orrery.broker.RequestContext;
import io.orrery.broker.RequestRefusedException;
import io.orrery.broker.session.NotFoundException;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.ExecutionSession;
import io.orrery.model.Kind;
import io.orrery.model.Update;
import io.orrery.model.codec.Dialect;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import tools.jackson.databind.JsonNode;

/** The ExecutionBroker web API over the broker core: routes, negotiation, ownership (the frame: {@link ApiHandler}). */
final class BrokerHandler extends ApiHandler {
    private static final String SESSION = "session";
    private static final String OFFER_SET = "offer set";
    private static final Pattern SESSION_PART = Pattern.compile("/sessions/([^/]+)/([a-z]+)/([^/]+)");

    private final BrokerCore core;
    private final PrefixLinks links;
    private final JsonNode description;
    private final OutputRoutes outputs;
    private final CanIDoThisRoutes canIDoThis;
    private final SrcnetRoutes srcnet;

    BrokerHandler(BrokerCore core, PrefixLinks links, Auth auth, OidcVerifier oidc, int bodyLimit, long minBodyRate,
                  Admission admission, RequestLog log, io.orrery.server.legacy.SrcnetUnits srcnetUnits) {
        super(auth, oidc, bodyLimit, minBodyRate, admission, log);
        this.core = core;
        this.links = links;
        this.description = Description.of(core, schemes(), oidc, srcnetUnits);
        this.outputs = new OutputRoutes(core, links, (id, user) -> owned(SESSION, id, user));
        this.canIDoThis = new CanIDoThisRoutes(core);
        this.srcnet = new SrcnetRoutes(core, srcnetUnits, (id, user) -> owned(SrcnetRoutes.PROVISION, id, user));
    }

    @Override
    void route(Exchange ex, String user) {
        String path = ex.path();
        String method = ex.method();
        if (CanIDoThisRoutes.matches(method, path)) {
            canIDoThis.handle(ex, user);
        } else if (path.equals("/")) {
            allow(ex, "GET");
            ex.send(200, description, ex.answerFormat(Format.YAML), Dialect.NEWEST, Map.of());
        } else if (path.equals("/usage")) {
            allow(ex, "GET");
            ex.send(200, Description.usage(core.usage()), ex.answerFormat(Format.YAML), Dialect.NEWEST, Map.of());
        } else if (path.equals("/requests") || path.equals("/offersets")) {
            allow(ex, "POST");
            offers(ex, user);
        } else if (path.equals("/direct") || path.equals("/sessions")) {
            allow(ex, "POST");
            ex.require(Scopes.ACCEPT); // direct execution accepts an offer at once: asking and accepting
            direct(ex, user);
        } else if (path.startsWith("/offersets/")) {
            allow(ex, "GET");
            String id = id(path.substring("/offersets/".length()));
            owned(OFFER_SET, id, user);
            JsonNode set = core.offerSetTree(id).orElseThrow(() -> notFound(OFFER_SET, id));
            ex.send(200, set, ex.answerFormat(Format.YAML), dialect(ex, id), Map.of());
        } else if (OutputRoutes.matches(ex.rawPath())) {
            outputs.handle(ex, user);
        } else if (SESSION_PART.matcher(path).matches()) {
            allow(ex, "GET");
            component(ex, user);
        } else if (path.startsWith("/sessions/")) {
            session(ex, user, id(path.substring("/sessions/".length())));
        } else if (SrcnetRoutes.matches(path)) {
            srcnet.handle(ex, user);
        } else {
            throw new HttpProblem(404, "Not Found", "no such path: " + path + " (see GET / for the endpoints)");
        }
    }

    private void offers(Exchange ex, String user) {
        Format answer = ex.answerFormat(Format.YAML);
        Exchange.Parsed<ExecutionRequest> req = ex.read(ExecutionRequest.class, "an execution request");
        Format reply = ex.header(HttpHeader.ACCEPT) == null ? req.format() : answer;
        OfferAnswer set = core.requestAnswer(req.document(), new RequestContext(user, req.dialect().id()));
        Map<String, String> location = Map.of("Location", set.url() == null ? "" : set.url());
        if (reply == Format.JSON && req.dialect() == Dialect.NEWEST) {
            ex.sendBytes(303, set.json(), Format.JSON.mediaType() + "; charset=utf-8", location); // the offers as stored
        } else {
            ex.send(303, set.tree(), reply, req.dialect(), location);
        }
    }

    private void direct(Exchange ex, String user) {
        Format answer = ex.answerFormat(Format.YAML);
        Exchange.Parsed<ExecutionRequest> req = ex.read(ExecutionRequest.class, "an execution request");
        Format reply = ex.header(HttpHeader.ACCEPT) == null ? req.format() : answer;
        try {
            JsonNode s = core.directTree(req.document(), new RequestContext(user, req.dialect().id()));
            ex.send(303, s, reply, req.dialect(), Map.of("Location", s.path("meta").path("url").asString()));
        } catch (RequestRefusedException e) {
            ExecutionSession failed = new ExecutionSession(Kind.SCHEDULED_SESSION.uri(), e.answer().meta(), null, null,
                    req.document().executable(), req.document().compute(), req.document().storage(),
                    req.document().data(), "FAILED", null, null, null, Map.of());
            ex.send(400, WireCodec.toTree(failed, Dialect.NEWEST), reply, req.dialect(), Map.of());
        }
    }

    private void session(Exchange ex, String user, String id) {
        owned(SESSION, id, user);
        if (ex.method().equals("GET")) {
            JsonNode s = core.sessionTree(id).orElseThrow(() -> notFound(SESSION, id));
            ex.send(200, s, ex.answerFormat(Format.YAML), dialect(ex, id), Map.of());
        } else if (ex.method().equals("POST")) {
            Format answer = ex.answerFormat(Format.YAML);
            if (!core.exists(id)) {
                throw notFound(SESSION, id);
            }
            Exchange.Parsed<Update> u = ex.read(Update.class, "an update such as {kind: uri:enum-value-update,"
                    + " path: phase, value: ACCEPTED}");
            ex.require(Scopes.of(u.document()));
            JsonNode s = core.updateTree(id, u.document());
            ex.send(200, s, ex.header(HttpHeader.ACCEPT) == null ? u.format() : answer, dialect(ex, id), Map.of());
        } else {
            throw notAllowed("GET, POST");
        }
    }

    /** {@code /sessions/{session}/{family}/{uuid}}: one component of a session, so that every meta.url resolves. */
    private void component(Exchange ex, String user) {
        Matcher m = SESSION_PART.matcher(ex.path());
        if (!m.matches()) {
            throw new HttpProblem(404, "Not Found", "no such path");
        }
        String id = id(m.group(1));
        owned(SESSION, id, user);
        JsonNode tree = core.sessionTree(id).orElseThrow(() -> notFound(SESSION, id));
        JsonNode part = tree.path(m.group(2));
        JsonNode found = null;
        for (JsonNode c : part.isArray() ? part : List.of(part)) {
            if (m.group(3).equals(c.path("meta").path("uuid").asString(null))) {
                found = c;
            }
        }
        if (found == null) {
            throw new NotFoundException("session " + id + " has no " + m.group(2) + " " + m.group(3));
        }
        ex.send(200, found, ex.answerFormat(Format.YAML), Dialect.NEWEST, Map.of());
    }

    private void owned(String what, String id, String user) {
        owned(what, id, user, authenticating() ? core.owner(id) : Optional.empty());
    }

    private Dialect dialect(Exchange ex, String id) {
        Optional<String> asked = ex.query("dialect");
        if (asked.isPresent()) {
            return Dialect.byName(asked.get()).orElseThrow(() -> new HttpProblem(400, "Bad Request",
                    "unknown dialect '" + asked.get() + "'; use one of " + Dialect.ids()));
        }
        return core.dialect(id).flatMap(d -> d == null ? Optional.empty() : Dialect.byName(d)).orElse(Dialect.NEWEST);
    }
}
