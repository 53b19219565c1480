package io.orrery.server;

import io.orrery.broker.BrokerCore;
import io.orrery.broker.RequestContext;
import io.orrery.model.codec.Dialect;
import io.orrery.server.legacy.BestOffer;
import io.orrery.server.legacy.CanIDoThis;
import io.orrery.model.legacy.LegacyBodyException;
import io.orrery.server.legacy.Translation;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The 2021 ExecutionPlanner question, {@code POST /canidothis} (also {@code POST /}), asked of the same core as
 * ExecutionBroker requests. A YES holds the best offer (its session URL is the answer's endpoint); the others are
 * rejected at once so that they hold no capacity.
 */
final class CanIDoThisRoutes {
    static final String PATH = "/canidothis";
    private static final String WHAT = "a 2021 question such as {tasktype: uri://docker-container, taskinfo: {image:"
            + " ghcr.io/x/y:1}, resources: {mincores: 2, minmemory: 8G, minduration: 10m}}";

    private final BrokerCore core;
    private final List<String> kinds;

    CanIDoThisRoutes(BrokerCore core) {
        this.core = core;
        this.kinds = core.platform().executables().stream().sorted().toList();
    }

    static boolean matches(String method, String path) {
        return path.equals(PATH) || (path.equals("/") && method.equals("POST"));
    }

    void handle(Exchange ex, String user) {
        BrokerHandler.allow(ex, "POST");
        JsonNode body = LegacyBody.read(ex, WHAT);
        if (!CanIDoThis.looksLike(body)) {
            throw new HttpProblem(400, "Bad Request", "POST " + ex.path() + " takes " + WHAT
                    + "; ExecutionBroker requests go to POST /requests");
        }
        Translation t;
        try {
            t = CanIDoThis.translate(body, kinds);
        } catch (LegacyBodyException e) {
            throw LegacyBody.problem(e);
        }
        if (t.refused()) {
            LegacyBody.send(ex, 200, CanIDoThis.no(body, t.refusals()));
            return;
        }
        JsonNode set = core.requestTree(t.request(), new RequestContext(user, Dialect.NEWEST.id()));
        LegacyBody.release(core, set, BestOffer.of(set).map(BestOffer::uuid).orElse(null));
        LegacyBody.send(ex, 200, CanIDoThis.answer(body, set));
    }
}
