package io.orrery.server;

import io.orrery.broker.BrokerCore;
import io.orrery.broker.platform.Platform;
import io.orrery.model.Kind;
import io.orrery.model.codec.Dialect;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** What {@code GET /} says about the broker: platform, kinds, dialects, endpoints, version. */
final class Description {
    private Description() {}

    static JsonNode of(BrokerCore core, String schemes, OidcVerifier oidc, io.orrery.server.legacy.SrcnetUnits srcnetUnits) {
        Platform p = core.platform();
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("name", "Orrery broker: " + p.name());
        d.put("version", io.orrery.model.Version.text());
        ObjectNode platform = d.putObject("platform");
        platform.put("name", p.name());
        platform.put("description", p.description());
        platform.putObject("capacity").put("cores", p.capacity().cores()).put("memoryGiB", p.capacity().memory())
                .put("storageGiB", p.capacity().storage());
        ArrayNode exe = d.putArray("executableKinds");
        p.executables().forEach(k -> Kind.find("executable", k).ifPresent(kind -> exe.add(kind.uri())));
        ArrayNode data = d.putArray("dataKinds");
        p.data().forEach(k -> Kind.find("data", k).ifPresent(kind -> data.add(kind.uri())));
        ArrayNode dialects = d.putArray("dialects");
        for (Dialect dialect : Dialect.values()) {
            dialects.add(dialect.id());
        }
        ArrayNode endpoints = d.putArray("endpoints");
        for (String e : new String[] {"POST /requests (also /offersets)", "GET /offersets/{uuid}", "GET /sessions/{uuid}",
            "POST /sessions/{uuid}", "POST /direct (also /sessions)", "GET /sessions/{uuid}/{family}/{uuid}",
            "GET /sessions/{uuid}/connectors (the session's outputs: name, size, growing, location)",
            "GET /sessions/{uuid}/connectors/{name} (stdout, stderr, exit or outputs/...; Range: bytes=N- or ?offset=N;"
                + " at most 1 MiB an answer; Orrery-Output-Growing and Orrery-Output-Next say what follows)",
            "GET /usage"}) {
            endpoints.add(e);
        }
        ArrayNode protocols = d.putArray("protocols");
        protocols.addObject().put("name", "ExecutionBroker").put("endpoints", "POST /requests and the rest above");
        protocols.addObject().put("name", "CanIDoThis (IVOA ExecutionPlanner, 2021)")
                .put("endpoints", "POST /canidothis (also POST /): tasktype, taskinfo, resources -> reponseword YES|NO");
        protocols.addObject().put("name", "SRCNet compute API (2024 prototype)")
                .put("endpoints", "POST /query; POST|PUT /provision; POST|PUT /{provision_id}/submit;"
                        + " GET /{provision_id}/status (also under /provision/)")
                .put("units", srcnetUnits.text());
        d.put("persistent", core.persistent());
        d.put("authentication", schemes.isEmpty() ? "none" : schemes);
        oidc.describe(d);
        return d;
    }

    /** {@code GET /usage}: capacity, live bookings, the peak in use from now on, and whether anything overbooks. */
    static JsonNode usage(io.orrery.broker.Usage u) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("bookings", u.bookings());
        d.put("overbooked", u.overbooked());
        ArrayNode dims = d.putArray("dimensions");
        for (int i = 0; i < u.capacity().length; i++) {
            dims.addObject().put("name", u.dimensions().get(i)).put("capacity", u.capacity()[i]).put("peak", u.peak()[i]);
        }
        Runtime rt = Runtime.getRuntime();
        d.putObject("heap").put("usedMiB", (rt.totalMemory() - rt.freeMemory()) >> 20)
                .put("committedMiB", rt.totalMemory() >> 20).put("maxMiB", rt.maxMemory() >> 20);
        return d;
    }
}
