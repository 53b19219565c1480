package io.orrery.model.codec;

import io.orrery.model.Kind;
import io.orrery.model.SessionPhase;
import io.orrery.model.check.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps a document of any generation onto the newest shape: {@code kind} + {@code meta}, newest kind URIs, one
 * compute with nested volumes, plain min/max ranges, a single start interval, unwrapped updates. Fields it does
 * not know are copied unchanged. It records where every node came from and notes what it had to interpret.
 */
final class Upgrader {
    private static final Set<String> FLAT_META = Set.of("uuid", "ident", "name", "description", "href", "url",
            "created", "modified", "messages", "options");

    private final Origins origins = new Origins();
    private final List<Finding> notes = new ArrayList<>();
    private Dialect dialect = Dialect.NEWEST;
    private boolean inSession;
    /** Where the session being read stands in the upgraded tree: its own members are read as a request's. */
    private String sessionAt;
    private boolean legacyVolume;

    record Result(JsonNode tree, Dialect dialect, Origins origins, List<Finding> notes) {
    }

    static Result upgrade(JsonNode source) {
        Upgrader u = new Upgrader();
        JsonNode tree = u.document(source);
        return new Result(tree, u.dialect, u.origins, u.notes);
    }

    private void saw(Dialect d) {
        if (d.ordinal() > dialect.ordinal()) {
            dialect = d;
        }
    }

    private JsonNode document(JsonNode root) {
        if (!root.isObject()) {
            return origins.copy(root, "", "");
        }
        if (root.size() == 1 && root.path("request").isObject()) {
            saw(Dialect.V2023);
            return request(root.get("request"), "/request");
        }
        if (root.size() == 1 && root.path("response").isObject()) {
            saw(Dialect.V2023);
            return offerSet(root.get("response"), "/response");
        }
        if (root.path("update").isObject() && !root.has("kind") && !root.has("type")) {
            saw(Dialect.V2025_10);
            return component(root.get("update"), "/update", "");
        }
        String kind = root.path("kind").asString(root.path("type").asString(""));
        var ref = Dialect.parseUri(kind);
        if (root.has("result") || root.has("offers") || ref.filter(r -> r.kind() == Kind.OFFER_SET).isPresent()) {
            return offerSet(root, "");
        }
        if (ref.filter(r -> r.kind().family().equals("session")).isPresent() || root.has("state")
                || (root.has("phase") && root.has("executable"))) {
            return session(root, "", "");
        }
        if (kind.startsWith("uri:") && root.has("path")) {
            return component(root, "", "");
        }
        return request(root, "");
    }

    private ObjectNode request(JsonNode src, String from) {
        ObjectNode out = Origins.NODES.objectNode();
        origins.put("", from);
        List<Map.Entry<String, JsonNode>> volumes = new ArrayList<>();
        for (var e : src.properties()) {
            String key = e.getKey();
            JsonNode v = e.getValue();
            String f = from + "/" + Origins.escape(key);
            switch (key) {
                case "resources" -> resources(v, f, out);
                case "datetime" -> datetime(v, f, out);
                case "volumes" -> {
                    saw(Dialect.V2025_10);
                    volumes.add(Map.entry(f, v));
                }
                default -> member(out, key, v, f, "");
            }
        }
        attachVolumes(out, volumes);
        return out;
    }

    /** A member of a request or session: components by their role, everything else copied. */
    private void member(ObjectNode out, String key, JsonNode v, String f, String base) {
        String to = base + "/" + Origins.escape(key);
        switch (key) {
            case "executable" -> out.set(key, component(v, f, to));
            case "compute" -> {
                if (v.isArray()) {
                    saw(Dialect.V2025_04);
                    firstCompute(out, v, f, base);
                } else {
                    out.set(key, component(v, f, to));
                }
            }
            case "storage", "data" -> out.set(key, components(v, f, to));
            case "schedule" -> out.set(key, schedule(v, f, to));
            default -> out.set(key, origins.copy(v, f, to));
        }
    }

    private void firstCompute(ObjectNode out, JsonNode list, String f, String base) {
        if (list.isEmpty()) {
            return;
        }
        if (list.size() > 1) {
            notes.add(Finding.warning(base + "/compute", "only the first of " + list.size()
                    + " compute resources is kept: newer formats have one compute resource per request"));
        }
        out.set("compute", component(list.get(0), f + "/0", base + "/compute"));
    }

    private void resources(JsonNode v, String f, ObjectNode out) {
        saw(Dialect.V2025_04);
        for (var e : v.properties()) {
            String rf = f + "/" + Origins.escape(e.getKey());
            if (e.getKey().equals("compute")) {
                if (e.getValue().isArray()) {
                    firstCompute(out, e.getValue(), rf, "");
                } else {
                    out.set("compute", component(e.getValue(), rf, "/compute"));
                }
            } else {
                member(out, e.getKey(), e.getValue(), rf, "");
            }
        }
    }

    /** The 2023 draft's {@code datetime: [{start, duration: {min, max}}]}. */
    private void datetime(JsonNode v, String f, ObjectNode out) {
        saw(Dialect.V2023);
        JsonNode first = v.isArray() ? v.path(0) : v;
        String ff = v.isArray() ? f + "/0" : f;
        ObjectNode requested = Origins.NODES.objectNode();
        origins.put("/schedule", f);
        origins.put("/schedule/requested", ff);
        for (var e : first.properties()) {
            JsonNode value = e.getValue();
            String ef = ff + "/" + e.getKey();
            if (e.getKey().equals("duration") && value.isObject()) {
                requested.set("duration", origins.copy(value.path("min"), ef + "/min", "/schedule/requested/duration"));
                if (value.has("max")) {
                    requested.set("maxDuration", origins.copy(value.get("max"), ef + "/max", "/schedule/requested/maxDuration"));
                }
            } else {
                requested.set(e.getKey(), origins.copy(value, ef, "/schedule/requested/" + e.getKey()));
            }
        }
        if (v.isArray() && v.size() > 1) {
            notes.add(Finding.warning("/schedule", "only the first of " + v.size() + " datetime entries is kept"));
        }
        ObjectNode schedule = Origins.NODES.objectNode();
        schedule.set("requested", requested);
        out.set("schedule", schedule);
    }

    /** S25b's top-level volumes, moved into the compute resource they serve. */
    private void attachVolumes(ObjectNode out, List<Map.Entry<String, JsonNode>> volumes) {
        if (volumes.isEmpty()) {
            return;
        }
        if (!out.path("compute").isObject()) {
            for (var v : volumes) {
                out.set("volumes", origins.copy(v.getValue(), v.getKey(), "/volumes"));
            }
            return;
        }
        ObjectNode compute = (ObjectNode) out.get("compute");
        ArrayNode list = Origins.NODES.arrayNode();
        for (var v : volumes) {
            int i = 0;
            for (JsonNode item : v.getValue()) {
                list.add(component(item, v.getKey() + "/" + i++, "/compute/volumes/" + list.size()));
            }
        }
        compute.set("volumes", list);
        origins.put("/compute/volumes", volumes.get(0).getKey());
    }

    private JsonNode schedule(JsonNode v, String f, String to) {
        if (!v.isObject()) {
            return origins.copy(v, f, to);
        }
        ObjectNode out = Origins.NODES.objectNode();
        origins.put(to, f);
        for (var e : v.properties()) {
            String key = e.getKey();
            JsonNode value = e.getValue();
            String ef = f + "/" + Origins.escape(key);
            if (key.equals("requested") && value.path("start").isArray()) {
                saw(Dialect.V2025_04);
                ObjectNode req = (ObjectNode) origins.copy(value, ef, to + "/requested");
                JsonNode starts = value.get("start");
                if (starts.size() > 1) {
                    notes.add(Finding.warning(to + "/requested/start", "only the first of " + starts.size()
                            + " start intervals is kept: newer formats take one"));
                }
                req.set("start", starts.isEmpty() ? Origins.NODES.nullNode()
                        : origins.copy(starts.get(0), ef + "/start/0", to + "/requested/start"));
                out.set("requested", req);
            } else if (key.equals("executing")) {
                out.set("available", origins.copy(value, ef, to + "/available"));
            } else {
                out.set(key, origins.copy(value, ef, to + "/" + Origins.escape(key)));
            }
        }
        return out;
    }

    private JsonNode components(JsonNode v, String f, String to) {
        if (!v.isArray()) {
            return origins.copy(v, f, to);
        }
        ArrayNode out = Origins.NODES.arrayNode();
        origins.put(to, f);
        for (int i = 0; i < v.size(); i++) {
            out.add(component(v.get(i), f + "/" + i, to + "/" + i));
        }
        return out;
    }

    private JsonNode session(JsonNode src, String from, String to) {
        boolean outer = inSession;
        String outerAt = sessionAt;
        inSession = true;
        sessionAt = to;
        JsonNode out = component(src, from, to);
        inSession = outer;
        sessionAt = outerAt;
        return out;
    }

    private JsonNode offerSet(JsonNode src, String from) {
        ObjectNode out = (ObjectNode) component(src, from, "");
        JsonNode offers = src.path("offers");
        if (offers.isArray()) {
            ArrayNode list = Origins.NODES.arrayNode();
            for (int i = 0; i < offers.size(); i++) {
                list.add(session(offers.get(i), from + "/offers/" + i, "/offers/" + i));
            }
            out.set("offers", list);
        }
        if (src.path("reasons").isArray()) {
            DraftReasons.toMessages(out, src.get("reasons"), from + "/reasons", origins);
        }
        return out;
    }

    /** 2025-04 and draft volumes carried no kind (and flat names): they can only be simple volume mounts. */
    private JsonNode legacyVolumes(JsonNode v, String f, String to) {
        legacyVolume = true;
        JsonNode out = components(v, f, to);
        legacyVolume = false;
        if (out.isArray()) {
            for (JsonNode item : out) {
                if (item instanceof ObjectNode o && !o.has("kind")) {
                    ObjectNode withKind = Origins.NODES.objectNode();
                    withKind.put("kind", Kind.SIMPLE_VOLUME.uri());
                    withKind.setAll(o);
                    o.removeAll();
                    o.setAll(withKind);
                }
            }
        }
        return out;
    }

    /** One component (or update): kind, meta, then its own fields. */
    private JsonNode component(JsonNode src, String from, String to) {
        if (!src.isObject()) {
            return origins.copy(src, from, to);
        }
        origins.put(to, from);
        ObjectNode out = Origins.NODES.objectNode();
        boolean legacy = src.has("type") && !src.has("kind") || src.has("spec") || src.has("state")
                || legacyVolume && !src.has("kind");
        if (legacy) {
            saw(src.has("spec") ? Dialect.V2023 : Dialect.V2025_10);
        }
        JsonNode kind = src.has("kind") ? src.get("kind") : legacy ? src.get("type") : null;
        String kindFrom = from + (src.has("kind") ? "/kind" : "/type");
        if (kind != null) {
            out.set("kind", kind(kind, kindFrom, to + "/kind"));
        }
        if (legacy) {
            ObjectNode meta = MetaUpgrade.flatMeta(origins, src, from, to);
            if (!meta.isEmpty()) {
                out.set("meta", meta);
            }
        }
        Map<String, Map.Entry<String, JsonNode>> fields = new LinkedHashMap<>();
        for (var e : src.properties()) {
            fields.put(e.getKey(), Map.entry(from + "/" + Origins.escape(e.getKey()), e.getValue()));
        }
        JsonNode spec = src.path("spec");
        if (spec.isObject()) {
            fields.remove("spec");
            for (var e : spec.properties()) {
                fields.put(e.getKey(), Map.entry(from + "/spec/" + Origins.escape(e.getKey()), e.getValue()));
            }
        }
        for (var e : fields.entrySet()) {
            String key = e.getKey();
            if (key.equals("kind") || (legacy && (key.equals("type") || FLAT_META.contains(key)))) {
                continue;
            }
            field(out, key, e.getValue().getValue(), e.getValue().getKey(), to, legacy);
        }
        return out;
    }

    private void field(ObjectNode out, String key, JsonNode v, String f, String base, boolean legacy) {
        String to = base + "/" + Origins.escape(key);
        switch (key) {
            case "meta" -> out.set(key, MetaUpgrade.meta(origins, v, f, to));
            case "cores", "memory", "size" -> out.set(key, range(v, f, to));
            case "volumes" -> out.set(key, legacy ? legacyVolumes(v, f, to) : components(v, f, to));
            case "state", "phase" -> out.set("phase", phase(v, f, base + "/phase", legacy));
            case "mode" -> out.set(key, mode(v, f, to));
            case "resources" -> {
                if (v.isArray() && legacy) {
                    out.set("resource", v.isEmpty() ? Origins.NODES.nullNode() : origins.copy(v.get(0), f + "/0", base + "/resource"));
                    if (v.size() > 1) {
                        out.set("resources", origins.copy(v, f, to));
                    }
                } else if (v.isObject() && inSession) {
                    for (var e : v.properties()) {
                        member(out, e.getKey(), e.getValue(), f + "/" + Origins.escape(e.getKey()), base);
                    }
                } else {
                    out.set(key, origins.copy(v, f, to));
                }
            }
            default -> {
                if (inSession && base.equals(sessionAt)) {
                    member(out, key, v, f, base);
                } else {
                    out.set(key, origins.copy(v, f, to));
                }
            }
        }
    }

    private JsonNode kind(JsonNode kind, String from, String to) {
        origins.put(to, from);
        if (!kind.isString()) {
            return kind.deepCopy();
        }
        var ref = Dialect.parseUri(kind.asString());
        if (ref.isEmpty()) {
            return kind.deepCopy();
        }
        saw(ref.get().dialect());
        if (!ref.get().exact()) {
            notes.add(Finding.warning(to, "kind '" + kind.asString() + "' is not spelt as any schema spells it;"
                    + " read as " + ref.get().kind().uri()));
        }
        return Origins.NODES.stringNode(ref.get().kind().uri());
    }

    /** {@code {requested: {min, max}, offered: {min, max}}} (2025-04) to plain min/max; the other half is kept. */
    private JsonNode range(JsonNode v, String f, String to) {
        if (!v.isObject() || !(v.has("requested") || v.has("offered"))) {
            return origins.copy(v, f, to);
        }
        saw(Dialect.V2025_04);
        String primary = inSession && v.has("offered") || !v.has("requested") ? "offered" : "requested";
        ObjectNode out = Origins.NODES.objectNode();
        origins.put(to, f);
        for (var e : v.get(primary).properties()) {
            out.set(e.getKey(), origins.copy(e.getValue(), f + "/" + primary + "/" + e.getKey(), to + "/" + e.getKey()));
        }
        for (var e : v.properties()) {
            if (!e.getKey().equals(primary)) {
                out.set(e.getKey(), origins.copy(e.getValue(), f + "/" + e.getKey(), to + "/" + e.getKey()));
            }
        }
        return out;
    }

    private JsonNode phase(JsonNode v, String f, String to, boolean legacy) {
        origins.put(to, f);
        if (legacy && v.isString()) {
            return SessionPhase.parse(v.asString()).<JsonNode>map(p -> Origins.NODES.stringNode(p.name()))
                    .orElse(v.deepCopy());
        }
        return v.deepCopy();
    }

    /** The draft's {@code rw}/{@code ro} mount modes. */
    private JsonNode mode(JsonNode v, String f, String to) {
        origins.put(to, f);
        if (v.isString() && (v.asString().equals("rw") || v.asString().equals("ro"))) {
            saw(Dialect.V2023);
            return Origins.NODES.stringNode(v.asString().equals("rw") ? "READWRITE" : "READONLY");
        }
        return v.deepCopy();
    }
}
