package io.orrery.server;

import io.orrery.broker.BrokerCore;
import io.orrery.broker.RequestContext;
import io.orrery.broker.session.UpdateRefusedException;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.Update;
import io.orrery.model.codec.Dialect;
import io.orrery.server.legacy.BestOffer;
import io.orrery.model.legacy.LegacyBodyException;
import io.orrery.server.legacy.Srcnet;
import io.orrery.server.legacy.SrcnetUnits;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SRCNet compute API (2024 prototype) over the same core: {@code POST /query} asks and holds nothing,
 * {@code POST|PUT /provision} holds the best offer (provision id = its session uuid, validity = its expiry),
 * {@code POST|PUT /{id}/submit} accepts it for the container named, {@code GET /{id}/status} reads the session.
 * The {@code /provision/{id}/...} spellings of the prototype's server are answered too.
 */
final class SrcnetRoutes {
    private static final Pattern JOB = Pattern.compile("/(?:provision/)?([^/]+)/(submit|status)");
    /** What an id of these routes names, in a 404. */
    static final String PROVISION = "provision or job";
    private static final String WHAT = "an SRCNet query such as {cpu_cores: 16, memory: 64, runtime: 2, data_location:"
            + " SPSRC, deadline: 2026-09-01T09:00:00Z}";
    /** Provisions re-offered for the container named at submit, to the session that runs it (while this server runs). */
    private static final int MOST_REMEMBERED = 10_000;

    private final BrokerCore core;
    private final SrcnetUnits units;
    private final BiConsumer<String, String> owned;
    private final Map<String, String> jobs = new ConcurrentHashMap<>();

    SrcnetRoutes(BrokerCore core, SrcnetUnits units, BiConsumer<String, String> owned) {
        this.core = core;
        this.units = units;
        this.owned = owned;
    }

    static boolean matches(String path) {
        return path.equals("/query") || path.equals("/provision") || JOB.matcher(path).matches();
    }

    void handle(Exchange ex, String user) {
        String path = ex.path();
        if (path.equals("/query")) {
            BrokerHandler.allow(ex, "POST");
            LegacyBody.send(ex, 200, ask(ex, user, false));
        } else if (path.equals("/provision")) {
            putOrPost(ex);
            LegacyBody.send(ex, 200, ask(ex, user, true));
        } else {
            Matcher m = JOB.matcher(path);
            if (!m.matches()) {
                throw new HttpProblem(404, "Not Found", "no such path: " + path);
            }
            String id = BrokerHandler.id(m.group(1));
            owned.accept(id, user);
            if (m.group(2).equals("submit")) {
                putOrPost(ex);
                submit(ex, user, id);
            } else {
                BrokerHandler.allow(ex, "GET");
                String job = jobs.getOrDefault(id, id);
                JsonNode s = core.sessionTree(job).orElseThrow(() -> ApiHandler.notFound(PROVISION, id));
                LegacyBody.send(ex, 200, Srcnet.status(s));
            }
        }
    }

    /** A query (nothing held) or a provision (the best offer held, the others rejected). */
    private ObjectNode ask(Exchange ex, String user, boolean hold) {
        JsonNode body = LegacyBody.read(ex, WHAT);
        ExecutionRequest request;
        try {
            request = Srcnet.request(body, units, core.platform(), core.clock().instant(), true);
        } catch (Srcnet.TooLate e) {
            return hold ? Srcnet.provision(noSet(), Srcnet.NOT_BEFORE_DEADLINE).put("response_text", e.getMessage())
                    : Srcnet.answer(Srcnet.NOT_BEFORE_DEADLINE, e.getMessage());
        } catch (LegacyBodyException e) {
            throw LegacyBody.problem(e);
        }
        RequestContext ctx = new RequestContext(user, Dialect.NEWEST.id());
        JsonNode set = core.requestTree(request, ctx);
        String best = BestOffer.of(set).map(BestOffer::uuid).orElse(null);
        LegacyBody.release(core, set, hold ? best : null);
        int codeIfNo = best == null && body.has("deadline") ? classify(body, ctx) : Srcnet.NOT_AVAILABLE;
        return hold ? Srcnet.provision(set, codeIfNo) : Srcnet.query(set, codeIfNo);
    }

    /** After a NO with a deadline: 2 when the platform could run it later, 1 when it cannot at all. */
    private int classify(JsonNode body, RequestContext ctx) {
        ExecutionRequest anyTime = Srcnet.request(body, units, core.platform(), core.clock().instant(), false);
        JsonNode set = core.requestTree(anyTime, ctx);
        LegacyBody.release(core, set, null);
        return BestOffer.of(set).isPresent() ? Srcnet.NOT_BEFORE_DEADLINE : Srcnet.NOT_AVAILABLE;
    }

    /**
     * Accepts the provision. When the container named differs from the one provisioned (the prototype names it only
     * now), the provision is released and its resources asked again, with the container, for the same start.
     */
    private void submit(Exchange ex, String user, String id) {
        JsonNode body = LegacyBody.read(ex, "a job such as {container: astroimaging/sourcefinder:3.4, dataset: URL,"
                + " params: {...}, contact_email: ...}");
        JsonNode session = core.sessionTree(id).orElseThrow(() -> ApiHandler.notFound(PROVISION, id));
        String container = body.path("container").isString() ? body.path("container").asString().trim() : "";
        String held = session.path("executable").path("image").path("locations").path(0).asString("");
        String job = id;
        try {
            if (!container.isEmpty() && !container.equals(held) && "OFFERED".equals(session.path("phase").asString(""))) {
                job = reoffer(session, container, user);
                jobs.put(id, job);
                if (jobs.size() > MOST_REMEMBERED) {
                    jobs.clear(); // the job ids stay valid for status; only the provision-to-job aliases are lost
                }
            }
            LegacyBody.send(ex, 200, Srcnet.submitted(core.updateTree(job, Update.phase("ACCEPTED"))));
        } catch (UpdateRefusedException | Srcnet.TooLate e) {
            ObjectNode a = Srcnet.answer(Srcnet.ERROR, e.getMessage());
            a.putNull("job_id");
            LegacyBody.send(ex, 409, a);
        }
    }

    private String reoffer(JsonNode session, String container, String user) {
        ObjectNode req = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        ObjectNode exe = req.putObject("executable").put("kind", session.path("executable").path("kind").asString());
        exe.putObject("meta").put("name", "srcnet job");
        exe.putObject("image").putArray("locations").add(container);
        ObjectNode compute = req.putObject("compute");
        JsonNode c = session.path("compute");
        compute.put("kind", c.path("kind").asString());
        for (String f : new String[] {"cores", "memory", "gpus"}) {
            if (c.get(f) != null) {
                compute.set(f, c.get(f));
            }
        }
        if (session.get("storage") != null) {
            ObjectNode st = req.putArray("storage").addObject();
            JsonNode s0 = session.path("storage").path(0);
            st.put("kind", s0.path("kind").asString()).set("size", s0.path("size"));
        }
        JsonNode available = session.path("schedule").path("available");
        String start = available.path("start").asString("");
        req.putObject("schedule").putObject("requested").put("duration", available.path("duration").asString())
                .put("start", start.contains("/") ? start : start + "/PT0S");
        core.updateTree(session.path("meta").path("uuid").asString(), Update.phase("REJECTED"));
        JsonNode set = core.requestTree(io.orrery.model.codec.WireCodec.fromTree(req, ExecutionRequest.class),
                new RequestContext(user, Dialect.NEWEST.id()));
        String best = BestOffer.of(set).map(BestOffer::uuid).orElseThrow(() -> new Srcnet.TooLate("the provision's"
                + " slot could not be held again for " + container + ": " + String.join("; ", BestOffer.messages(set))));
        LegacyBody.release(core, set, best);
        return best;
    }

    private static void putOrPost(Exchange ex) {
        if (!ex.method().equals("POST") && !ex.method().equals("PUT")) {
            BrokerHandler.allow(ex, "POST");
        }
    }

    private static JsonNode noSet() {
        return tools.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("result", "NO");
    }
}
