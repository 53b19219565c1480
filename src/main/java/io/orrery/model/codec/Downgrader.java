package io.orrery.model.codec;

import io.orrery.model.Kind;
import io.orrery.model.SessionPhase;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Rewrites a tree of the newest shape in the words of an older generation: the inverse of {@link Upgrader}. */
final class Downgrader {
    private final Dialect dialect;

    private Downgrader(Dialect dialect) {
        this.dialect = dialect;
    }

    static JsonNode downgrade(JsonNode tree, Dialect dialect) {
        if (dialect == Dialect.NEWEST || !tree.isObject()) {
            return tree;
        }
        ObjectNode root = (ObjectNode) tree.deepCopy();
        Downgrader d = new Downgrader(dialect);
        return d.document(root);
    }

    private JsonNode document(ObjectNode root) {
        String kind = root.path("kind").asString("");
        var ref = Dialect.parseUri(kind).map(Dialect.KindRef::kind);
        if (kind.startsWith("uri:") && root.has("path")) {
            ObjectNode update = component(root);
            return dialect.isLegacy() ? wrap("update", update) : update;
        }
        if (ref.filter(k -> k == Kind.OFFER_SET).isPresent() || root.has("result")) {
            if (dialect == Dialect.V2023) {
                // before the metadata is flattened: the reasons are found among meta.messages
                DraftReasons.toReasons(root);
            }
            ObjectNode out = component(root);
            if (out.path("offers").isArray()) {
                out.set("offers", sessions((ArrayNode) out.get("offers")));
            }
            return dialect == Dialect.V2023 ? wrap("response", out) : out;
        }
        if (ref.filter(k -> k.family().equals("session")).isPresent()) {
            return session(root);
        }
        ObjectNode request = request(root);
        return dialect == Dialect.V2023 ? wrap("request", request) : request;
    }

    private ArrayNode sessions(ArrayNode offers) {
        ArrayNode out = Origins.NODES.arrayNode();
        offers.forEach(o -> out.add(o.isObject() ? session((ObjectNode) o) : o));
        return out;
    }

    private ObjectNode session(ObjectNode src) {
        ObjectNode out = component(src);
        members(out, true);
        if (dialect.isLegacy()) {
            JsonNode schedule = out.path("schedule");
            if (schedule instanceof ObjectNode s && s.has("available")) {
                out.set("schedule", rename(s, "available", "executing"));
            }
        }
        return out;
    }

    private ObjectNode request(ObjectNode src) {
        ObjectNode out = src.deepCopy();
        members(out, false);
        if (dialect == Dialect.V2023) {
            JsonNode requested = out.path("schedule").path("requested");
            if (requested.isObject()) {
                out.remove("schedule");
                out.putArray("datetime").add(datetime((ObjectNode) requested));
            }
        } else if (dialect == Dialect.V2025_04) {
            JsonNode requested = out.path("schedule").path("requested");
            if (requested instanceof ObjectNode r && r.has("start") && !r.get("start").isNull()) {
                r.set("start", Origins.NODES.arrayNode().add(r.get("start")));
            }
        }
        return out;
    }

    private ObjectNode datetime(ObjectNode requested) {
        ObjectNode slot = Origins.NODES.objectNode();
        for (var e : requested.properties()) {
            switch (e.getKey()) {
                case "duration" -> slot.putObject("duration").set("min", e.getValue());
                case "maxDuration" -> { }
                default -> slot.set(e.getKey(), e.getValue());
            }
        }
        if (requested.has("maxDuration")) {
            JsonNode d = slot.path("duration");
            (d instanceof ObjectNode o ? o : slot.putObject("duration")).set("max", requested.get("maxDuration"));
        }
        return slot;
    }

    /** executable, compute, storage and data of a request or session, in this dialect's shape. */
    private void members(ObjectNode out, boolean inSession) {
        if (out.get("executable") instanceof ObjectNode e) {
            out.set("executable", component(e));
        }
        ArrayNode volumes = null;
        if (out.get("compute") instanceof ObjectNode c) {
            ObjectNode compute = component(c);
            ranges(body(compute), inSession, "cores", "memory");
            volumes = volumes(body(compute));
            out.set("compute", compute);
        }
        for (String key : List.of("storage", "data")) {
            if (out.get(key) instanceof ArrayNode list) {
                ArrayNode converted = Origins.NODES.arrayNode();
                list.forEach(item -> {
                    if (item instanceof ObjectNode o) {
                        ObjectNode comp = component(o);
                        ranges(body(comp), inSession, "size");
                        converted.add(comp);
                    } else {
                        converted.add(item);
                    }
                });
                out.set(key, converted);
            }
        }
        if (dialect == Dialect.V2025_10 && volumes != null) {
            out.set("volumes", volumes);
        }
        if (dialect == Dialect.V2025_04 || dialect == Dialect.V2023) {
            ObjectNode resources = Origins.NODES.objectNode();
            for (String key : List.of("compute", "storage", "data")) {
                JsonNode v = out.remove(key);
                if (v != null) {
                    resources.set(key, key.equals("compute") ? Origins.NODES.arrayNode().add(v) : v);
                }
            }
            if (!resources.isEmpty()) {
                out.set("resources", resources);
            }
        }
    }

    /** Where a component's own fields are: the 2023 draft's {@code spec} block, or the component itself. */
    private static ObjectNode body(ObjectNode component) {
        return component.get("spec") instanceof ObjectNode spec ? spec : component;
    }

    /** Moves volume mounts where this dialect keeps them; returns S25b's top-level list. */
    private ArrayNode volumes(ObjectNode compute) {
        if (!(compute.get("volumes") instanceof ArrayNode list)) {
            return null;
        }
        ArrayNode converted = Origins.NODES.arrayNode();
        ArrayNode names = Origins.NODES.arrayNode();
        for (JsonNode v : list) {
            ObjectNode vol = v instanceof ObjectNode o ? component(o) : null;
            if (vol == null) {
                converted.add(v);
                continue;
            }
            if (dialect == Dialect.V2025_04 || dialect == Dialect.V2023) {
                vol.remove("type");
            }
            if (dialect == Dialect.V2023 && vol.path("mode").isString()) {
                vol.put("mode", vol.get("mode").asString().equals("READWRITE") ? "rw" : "ro");
            }
            if (dialect == Dialect.V2025_10 && vol.has("resource")) {
                JsonNode resources = vol.remove("resources");
                ArrayNode list2 = resources instanceof ArrayNode a ? a : Origins.NODES.arrayNode().add(vol.get("resource"));
                vol = rename(vol, "resource", "resources");
                vol.set("resources", list2);
            }
            converted.add(vol);
            names.add(vol.path("name").asString("volume-" + names.size()));
        }
        if (dialect == Dialect.V2025_10) {
            compute.set("volumes", names);
            return converted;
        }
        compute.set("volumes", converted);
        return null;
    }

    /** 2025-04: {@code {requested: {min, max}}} (or {@code offered} in a session). */
    private void ranges(ObjectNode comp, boolean inSession, String... keys) {
        if (dialect != Dialect.V2025_04) {
            return;
        }
        for (String key : keys) {
            if (comp.get(key) instanceof ObjectNode r) {
                ObjectNode out = Origins.NODES.objectNode();
                ObjectNode primary = out.putObject(inSession ? "offered" : "requested");
                r.properties().forEach(e -> {
                    if (e.getKey().equals("min") || e.getKey().equals("max")) {
                        primary.set(e.getKey(), e.getValue());
                    } else {
                        out.set(e.getKey(), e.getValue());
                    }
                });
                comp.set(key, out);
            }
        }
    }

    /** kind URI, discriminator name, flat or nested metadata, spec block. */
    private ObjectNode component(ObjectNode src) {
        ObjectNode out = Origins.NODES.objectNode();
        String kind = src.path("kind").asString(null);
        String uri = kind == null ? null : Dialect.parseUri(kind).map(r -> dialect.uri(r.kind())).orElse(kind);
        if (!dialect.isLegacy()) {
            if (uri != null) {
                out.put("kind", uri);
            }
            src.properties().forEach(e -> {
                if (!e.getKey().equals("kind")) {
                    out.set(e.getKey(), e.getValue());
                }
            });
            return out;
        }
        if (uri != null) {
            out.put("type", uri);
        }
        if (src.get("meta") instanceof ObjectNode meta) {
            meta.properties().forEach(e -> out.set(e.getKey().equals("url") ? "href" : e.getKey(),
                    e.getKey().equals("messages") ? typed(e.getValue()) : e.getValue()));
        }
        ObjectNode body = dialect == Dialect.V2023 && isSpecComponent(kind) ? out.putObject("spec") : out;
        src.properties().forEach(e -> {
            switch (e.getKey()) {
                case "kind", "meta" -> { }
                case "phase" -> body.set("phase", legacyPhase(e.getValue()));
                default -> body.set(e.getKey(), e.getValue());
            }
        });
        if (body != out && body.isEmpty()) {
            out.remove("spec");
        }
        return out;
    }

    private static boolean isSpecComponent(String kind) {
        return Dialect.parseUri(kind).map(r -> !r.kind().family().equals("session")
                && !r.kind().family().equals("offerset") && !r.kind().family().equals("volume")).orElse(false);
    }

    private static JsonNode typed(JsonNode messages) {
        if (!messages.isArray()) {
            return messages;
        }
        ArrayNode out = Origins.NODES.arrayNode();
        messages.forEach(m -> out.add(m instanceof ObjectNode o && o.has("kind") ? rename(o, "kind", "type") : m));
        return out;
    }

    private static JsonNode legacyPhase(JsonNode phase) {
        return SessionPhase.parse(phase.asString(null)).<JsonNode>map(p -> Origins.NODES.stringNode(p.legacyName()))
                .orElse(phase);
    }

    private static ObjectNode rename(ObjectNode src, String from, String to) {
        ObjectNode out = Origins.NODES.objectNode();
        src.properties().forEach(e -> out.set(e.getKey().equals(from) ? to : e.getKey(), e.getValue()));
        return out;
    }

    private static ObjectNode wrap(String key, JsonNode node) {
        ObjectNode out = Origins.NODES.objectNode();
        out.set(key, node);
        return out;
    }
}
