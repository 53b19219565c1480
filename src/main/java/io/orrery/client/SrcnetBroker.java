package io.orrery.client;

import io.orrery.client.legacy.SrcnetAnswers;
import io.orrery.client.legacy.SrcnetQuestion;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.ExecutionSession;
import io.orrery.model.OfferSet;
import io.orrery.model.SessionPhase;
import io.orrery.model.codec.Dialect;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import io.orrery.model.legacy.LegacyBodyException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/**
 * A site that speaks the SRCNet compute API (2024 prototype): {@code POST /query} for an offer (open: the API gives no
 * times), and on accept {@code PUT /provision} then {@code PUT /provision/{id}/submit}; the session is the job's
 * {@code GET /provision/{id}/status}. The query holds nothing at the site, so an offer is kept here (the last
 * {@value #KEPT}) until it is accepted: it can be accepted only through the broker that asked. The API has no reject
 * and no cancel.
 */
public final class SrcnetBroker implements Broker {
    static final int KEPT = 256;

    private final OlderProtocol p;
    private final String base;
    /** The offers made here and not yet accepted, by uuid, the oldest dropped first. */
    private final Map<String, Held> held = latest();
    /** What each accepted job was accepted as (its executable and compute), by status URL (the last {@value #KEPT}). */
    private final Map<String, ExecutionSession> accepted = latest();

    /** A map that keeps its latest {@value #KEPT} entries, the oldest dropped first. */
    private static <V> Map<String, V> latest() {
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > KEPT;
            }
        });
    }

    private record Held(ExecutionRequest request, ExecutionSession offer, Instant askedAt) {
    }

    public SrcnetBroker(BrokerConfig config, Clock clock) {
        this.p = new OlderProtocol(new Exchange(config), clock, "SRCNet compute API");
        this.base = config.url().replaceAll("/+$", "");
    }

    @Override
    public String name() {
        return p.name();
    }

    @Override
    public CompletableFuture<Outcome> ask(ExecutionRequest request) {
        String uuid = UUID.randomUUID().toString();
        String offerUrl = base + "/query#" + uuid;
        return p.ask(request, "POST", base + "/query", at -> SrcnetQuestion.query(request, at), (answer, query, at) -> {
            OfferSet set = SrcnetAnswers.offers(answer, request, at, uuid, offerUrl, query.path("deadline").asString());
            if ("YES".equals(set.result())) {
                held.put(uuid, new Held(request, set.offers().get(0), at));
            }
            return set;
        });
    }

    @Override
    public OfferSet offerSet(String url) {
        throw p.cannot("keeps no offer sets: ask again");
    }

    @Override
    public ExecutionSession session(String url) {
        Held h = url.startsWith(base + "/query#") ? held.get(url.substring(url.indexOf('#') + 1)) : null;
        if (h != null) {
            return h.offer();
        }
        if (!url.startsWith(base + "/provision/") || !url.endsWith("/status")) {
            throw new BrokerError(BrokerError.Kind.NOT_FOUND, 0, url + " is not an SRCNet job of " + name()
                    + (url.contains("/query#") ? " (offers are kept only by the window or command that asked)" : ""));
        }
        String id = url.substring((base + "/provision/").length(), url.length() - "/status".length());
        Exchange.Reply r = p.http().exchange(p.http().get(url, true, null), "job " + id);
        JsonNode status = p.json(r, "the status of job " + id);
        try {
            return SrcnetAnswers.status(status, url, id, accepted.get(url));
        } catch (LegacyBodyException e) {
            throw new BrokerError(BrokerError.Kind.PROTOCOL, r.code(), "the status of job " + id + ": " + e.getMessage());
        }
    }

    @Override
    public UpdateResult update(String url, SessionPhase target) {
        if (target != SessionPhase.ACCEPTED) {
            throw p.cannot("has no " + (target == SessionPhase.REJECTED ? "reject" : target == SessionPhase.CANCELLED
                    ? "cancel" : "change to " + target) + " (only query, provision, submit and status): an offer not"
                    + " accepted holds nothing; ask the site's operators to stop a job");
        }
        Held h = url.contains("#") ? held.remove(url.substring(url.indexOf('#') + 1)) : null;
        if (h == null) {
            throw new BrokerError(BrokerError.Kind.NOT_FOUND, 0, "no offer of " + name() + " at " + url + " is waiting"
                    + " to be accepted here (an SRCNet query holds nothing, so its offer is accepted through the"
                    + " window or command that asked): ask again");
        }
        ExecutionSession session = provisionAndSubmit(h.request(), h.offer(), p.clock().instant());
        return new UpdateResult(session, session, true, null);
    }

    @Override
    public ExecutionSession direct(ExecutionRequest request) {
        Instant now = p.clock().instant();
        return provisionAndSubmit(request, null, now);
    }

    private ExecutionSession provisionAndSubmit(ExecutionRequest request, ExecutionSession offer, Instant now) {
        JsonNode prov = call("PUT", base + "/provision", SrcnetQuestion.query(request, now), "the provision");
        int code = code(prov, "the provision");
        String id = prov.path("provision_id").asString("");
        if (code != SrcnetAnswers.OK || id.isBlank()) {
            throw new BrokerError(BrokerError.Kind.CONFLICT, 0, "the site no longer provisions this (code " + code
                    + "): " + SrcnetAnswers.text(prov) + ": ask again");
        }
        String job = base + "/provision/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
        JsonNode sub = call("PUT", job + "/submit", SrcnetQuestion.submit(request), "the submit of provision " + id);
        if (code(sub, "the submit") != SrcnetAnswers.OK) {
            throw new BrokerError(BrokerError.Kind.REFUSED, 0, "the site refused the job for provision " + id + " (code "
                    + code(sub, "the submit") + "): " + SrcnetAnswers.text(sub));
        }
        String status = job + "/status";
        if (offer != null) {
            accepted.put(status, offer);
        }
        return session(status);
    }

    private JsonNode call(String method, String url, JsonNode body, String what) {
        byte[] bytes = WireCodec.writeCompact(body, Format.JSON, Dialect.NEWEST);
        try {
            return p.json(p.http().exchange(p.http().send(method, url, bytes), what), what);
        } catch (LegacyBodyException e) {
            throw new BrokerError(BrokerError.Kind.PROTOCOL, 0, what + ": " + e.getMessage());
        }
    }

    private static int code(JsonNode answer, String what) {
        try {
            return SrcnetAnswers.code(answer);
        } catch (LegacyBodyException e) {
            throw new BrokerError(BrokerError.Kind.PROTOCOL, 0, what + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        // the connection pool is shared
    }
}
