package io.orrery.federation;

import io.orrery.broker.offer.BrokerMessages;
import io.orrery.broker.session.InvalidUpdateException;
import io.orrery.broker.session.NotFoundException;
import io.orrery.broker.session.UpdateRefusedException;
import io.orrery.client.Broker;
import io.orrery.client.BrokerConfig;
import io.orrery.client.BrokerError;
import io.orrery.client.FanOut;
import io.orrery.client.Brokers;
import io.orrery.client.Outcome;
import io.orrery.client.OutputChunk;
import io.orrery.client.UpdateResult;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.ExecutionSession;
import io.orrery.model.Kind;
import io.orrery.model.Message;
import io.orrery.model.Meta;
import io.orrery.model.OfferSet;
import io.orrery.model.SessionPhase;
import io.orrery.model.Update;
import io.orrery.model.codec.Dialect;
import io.orrery.model.codec.WireCodec;
import io.orrery.server.Front;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A broker of brokers: a request goes to every upstream at once (each within its own timeouts), their offers come
 * back as one offer set, each offer under the federation's own URL and saying in {@code meta.federation} (and in
 * {@code meta.description}) which site it comes from; accepting one accepts it upstream and rejects its siblings
 * upstream too; reads and updates of sessions are passed on. Upstream credentials stay in the upstream brokers: they
 * are sent only to their own sites, never written into answers. The mapping is held in memory: the latest
 * {@value #MAX_SETS} offer sets, and every session accepted through it.
 */
public final class Federation implements Front {
    /** The extension field, in {@code meta}, that says where an offer comes from. */
    public static final String FIELD = "federation";
    private static final String UPSTREAM_SILENT = "urn:upstream-silent";
    private static final String UPSTREAM_NO = "urn:upstream-no";
    private static final String UPSTREAM_SAID = "urn:upstream-message";
    /** Offer sets remembered (with their offers); accepted sessions are kept past it. */
    static final int MAX_SETS = 10_000;

    private final String name;
    private final String base;
    private final List<Broker> sites;
    private final Clock clock;
    private final Duration limit;
    private final Map<String, Placed> placed = new ConcurrentHashMap<>();
    /** Offer sets in the order made, so that the oldest are forgotten first past {@link #MAX_SETS}. */
    private final Map<String, JsonNode> offerSets = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final Map<String, String> setOwners = new ConcurrentHashMap<>();

    public Federation(String name, String base, List<BrokerConfig> upstreams, Clock clock) {
        this.name = name;
        this.base = base.replaceAll("/+$", "");
        this.sites = upstreams.stream().map(c -> Brokers.of(c, clock)).toList();
        this.clock = clock;
        this.limit = upstreams.stream().map(c -> c.connectTimeout().plus(c.readTimeout())).max(Duration::compareTo)
                .orElse(Duration.ZERO).plusSeconds(1);
    }

    @Override
    public JsonNode description() {
        ObjectNode d = JsonNodeFactory.instance.objectNode().put("name", name).put("kind", "federation")
                .put("description", "a broker of brokers: one request is asked of every site below at once");
        var list = d.putArray("sites");
        sites.forEach(s -> list.addObject().put("site", s.name()));
        d.putArray("endpoints").add("POST /requests").add("POST /direct").add("GET /offersets/{uuid}")
                .add("GET|POST /sessions/{uuid}").add("GET /sessions/{uuid}/connectors/{name}");
        return d;
    }

    @Override
    public JsonNode request(ExecutionRequest request, String user) {
        List<Outcome> outcomes = FanOut.within(sites, request, o -> { }, limit);
        String setId = UUID.randomUUID().toString();
        List<Message> messages = new ArrayList<>();
        List<JsonNode> offers = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            Broker site = sites.get(i);
            Outcome o = outcomes.get(i);
            if (o instanceof Outcome.Offers yes) {
                yes.offerSet().offers().forEach(offer -> offers.add(place(site, offer, setId, user)));
                Meta said = yes.offerSet().meta();
                if (said != null && said.messages() != null) {
                    said.messages().forEach(m -> messages.add(BrokerMessages.of(clock.instant(), UPSTREAM_SAID,
                            m.level() == null ? "INFO" : m.level(), "site ${site}: ${text}", "site", site.name(),
                            "text", m.text())));
                }
            } else if (o instanceof Outcome.No no) {
                messages.add(BrokerMessages.of(clock.instant(), UPSTREAM_NO, "INFO", "site ${site} said NO: ${reasons}",
                        "site", site.name(), "reasons", String.join("; ", no.reasons())));
            } else if (o instanceof Outcome.Failed f) {
                messages.add(BrokerMessages.of(clock.instant(), UPSTREAM_SILENT, "WARN",
                        "site ${site} is not in this answer: ${error}", "site", site.name(), "error", f.error().getMessage()));
            }
        }
        String url = base + "/offersets/" + setId;
        Meta meta = new Meta(setId, name, url, "offers of " + sites.size() + " sites", clock.instant().toString(), null,
                messages, null, Map.of());
        OfferSet set = new OfferSet(Kind.OFFER_SET.uri(), meta, null, null, offers.isEmpty() ? "NO" : "YES", null,
                null, Map.of());
        ObjectNode tree = (ObjectNode) WireCodec.toTree(set, Dialect.NEWEST);
        if (!offers.isEmpty()) {
            tree.putArray("offers").addAll(offers);
        }
        offerSets.put(setId, tree);
        forgetOldest();
        if (user != null) {
            setOwners.put(setId, user);
        }
        return tree;
    }

    /**
     * Direct execution through the federation: a fresh offer set from every site, its earliest offer accepted (the
     * next earliest if a site no longer holds it), the others rejected with it.
     */
    @Override
    public JsonNode direct(ExecutionRequest request, String user) {
        JsonNode set = request(request, user);
        List<JsonNode> offers = new ArrayList<>();
        set.path("offers").forEach(offers::add);
        offers.sort(java.util.Comparator.comparing(o -> o.path("schedule").path("available").path("start").asString(
                "9999")));
        List<String> refused = new ArrayList<>();
        for (JsonNode o : offers) {
            String id = o.path("meta").path("uuid").asString();
            try {
                return update(id, Update.phase(SessionPhase.ACCEPTED.name()));
            } catch (UpdateRefusedException | Front.UpstreamException | InvalidUpdateException | NotFoundException e) {
                refused.add(e.getMessage());
            }
        }
        List<String> why = new ArrayList<>();
        set.path("meta").path("messages").forEach(m -> why.add(m.path("message").asString()));
        why.addAll(refused);
        throw new NotFoundException("no site could run this now" + (why.isEmpty() ? "" : ": " + String.join("; ", why)));
    }

    @Override
    public Output output(String id, String name, long offset) {
        Placed p = placed.get(id);
        if (p == null) {
            throw new NotFoundException("no session " + id);
        }
        OutputChunk c = upstream(() -> p.site().readOutput(p.upstreamUrl(), name, offset), p);
        return new Output(c.bytes(), c.next(), c.growing());
    }

    /** Past {@link #MAX_SETS}, forgets the oldest offer sets and their offers (not the accepted ones). */
    private void forgetOldest() {
        synchronized (offerSets) {
            while (offerSets.size() > MAX_SETS) {
                String oldest = offerSets.keySet().iterator().next();
                offerSets.remove(oldest);
                setOwners.remove(oldest);
                placed.entrySet().removeIf(e -> e.getValue().offerSet().equals(oldest) && !accepted.contains(e.getKey()));
            }
        }
    }

    /** Gives an upstream offer the federation's id and URL, and says where it comes from. */
    private JsonNode place(Broker site, ExecutionSession offer, String setId, String user) {
        String id = UUID.randomUUID().toString();
        placed.put(id, new Placed(site, offer.meta().url(), setId, user));
        return relabel(id, site, WireCodec.toTree(offer, Dialect.NEWEST));
    }

    private JsonNode relabel(String id, Broker site, JsonNode upstream) {
        ObjectNode s = ((ObjectNode) upstream).deepCopy();
        ObjectNode meta = s.has("meta") && s.get("meta").isObject() ? (ObjectNode) s.get("meta") : s.putObject("meta");
        JsonNode inner = meta.get(FIELD);
        String description = meta.path("description").asString("");
        meta.put("uuid", id).put("url", base + "/sessions/" + id).put("description",
                "from site " + site.name() + (description.isEmpty() ? "" : ": " + description));
        String upstreamUrl = placed.get(id).upstreamUrl();
        ObjectNode f = meta.putObject(FIELD).put("site", site.name()).put("upstream", withoutUserInfo(upstreamUrl));
        for (JsonNode c : s.path("connectors")) {
            String location = c.path("location").asString("");
            String prefix = upstreamUrl == null ? null : upstreamUrl.replaceAll("/+$", "") + "/connectors/";
            if (prefix != null && c.isObject() && location.startsWith(prefix)) {
                // read through the federation, whose users may not reach (or be known to) the site
                ((ObjectNode) c).put("location", base + "/sessions/" + id + "/connectors/"
                        + location.substring(prefix.length()));
            }
        }
        if (inner != null && inner.isObject()) {
            f.set("via", inner);
        }
        return s;
    }

    /** A URL as users of the federation may see it: never with a user or password written into it. */
    static String withoutUserInfo(String url) {
        return url == null ? null : url.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1");
    }

    @Override
    public Optional<JsonNode> offerSet(String id) {
        return Optional.ofNullable(offerSets.get(id));
    }

    @Override
    public Optional<JsonNode> session(String id) {
        Placed p = placed.get(id);
        if (p == null) {
            return Optional.empty();
        }
        return Optional.of(relabel(id, p.site(), WireCodec.toTree(upstream(() -> p.site().session(p.upstreamUrl()), p),
                Dialect.NEWEST)));
    }

    @Override
    public JsonNode update(String id, Update update) {
        Placed p = placed.get(id);
        if (p == null) {
            throw new NotFoundException("no session " + id);
        }
        if (!Update.ENUM.equals(update.kind()) || !"phase".equals(update.normalisedPath()) || update.value() == null) {
            throw new InvalidUpdateException("a federation passes on phase updates only ({kind: uri:enum-value-update,"
                    + " path: phase, value: ACCEPTED|REJECTED|CANCELLED})");
        }
        SessionPhase target = SessionPhase.parse(update.value().asString(""))
                .orElseThrow(() -> new InvalidUpdateException("'" + update.value() + "' is not a phase"));
        UpdateResult r = upstream(() -> p.site().update(p.upstreamUrl(), target), p);
        if (!r.applied()) {
            throw new UpdateRefusedException("site " + p.site().name() + ": " + r.warning());
        }
        if (target == SessionPhase.ACCEPTED) {
            String now = r.reread().meta() == null ? null : r.reread().meta().url();
            if (now != null && !now.equals(p.upstreamUrl())) {
                // the session lives elsewhere from now on (an SRCNet job's status, not the offer it was)
                placed.put(id, new Placed(p.site(), now, p.offerSet(), p.owner()));
            }
            accepted.add(id);
            rejectSiblings(id, p.offerSet());
        }
        return relabel(id, p.site(), WireCodec.toTree(r.reread(), Dialect.NEWEST));
    }

    /** Rejects, upstream and at once, the other offers of the accepted one's offer set (a failure is left be). */
    private void rejectSiblings(String accepted, String setId) {
        List<CompletableFuture<Void>> rejections = new ArrayList<>();
        placed.forEach((id, p) -> {
            if (!id.equals(accepted) && p.offerSet().equals(setId)) {
                rejections.add(CompletableFuture.runAsync(() -> {
                    try {
                        ExecutionSession s = p.site().session(p.upstreamUrl());
                        if (SessionPhase.OFFERED.name().equals(s.phase())) {
                            p.site().update(p.upstreamUrl(), SessionPhase.REJECTED);
                        }
                    } catch (BrokerError e) {
                        // the site rejected it itself (with the accepted one), or expired it: nothing to do
                    }
                }));
            }
        });
        CompletableFuture.allOf(rejections.toArray(CompletableFuture[]::new)).join();
    }

    @Override
    public Optional<String> owner(String id) {
        Placed p = placed.get(id);
        if (p != null) {
            return Optional.ofNullable(p.owner());
        }
        return Optional.ofNullable(setOwners.get(id));
    }

    /** Calls a site, its errors said as the core's (404, 400, 409) or as an upstream failure (502). */
    private static <T> T upstream(java.util.function.Supplier<T> call, Placed p) {
        try {
            return call.get();
        } catch (BrokerError e) {
            String said = "site " + p.site().name() + ": " + e.getMessage();
            throw switch (e.kind()) {
                case NOT_FOUND -> new NotFoundException(said);
                case REFUSED -> new InvalidUpdateException(said);
                case CONFLICT -> new UpdateRefusedException(said);
                default -> new UpstreamException(said);
            };
        }
    }
}
