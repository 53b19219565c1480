package io.orrery.server.legacy;

import io.orrery.model.legacy.LegacyBodyException;
import io.orrery.model.legacy.Units;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.Kind;
import io.orrery.model.codec.WireCodec;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The 2021 ExecutionPlanner question ("can I do this?"): {@code tasktype}, {@code taskinfo} and optional
 * {@code resources} ({@code mincores}, {@code maxcores}, {@code minmemory: 8G}, {@code maxmemory},
 * {@code minduration: 10m}, {@code maxduration}), translated to an ExecutionRequest; and the core's offer set
 * translated back to the 2021 answer ({@code reponseword}, as historically spelt, and {@code responseword}).
 */
public final class CanIDoThis {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The task types a 2021 client may send that no Orrery platform runs, with the reason. */
    private static final Set<String> NEVER = Set.of("kubernetes-helm", "helm-chart");

    private CanIDoThis() {}

    /** Whether a body looks like a 2021 question (it names a task type). */
    public static boolean looksLike(JsonNode body) {
        return body.isObject() && body.has("tasktype");
    }

    /** The task type without its {@code uri://} or {@code uri:} prefix and version: {@code docker-container}. */
    static String taskType(JsonNode body) {
        JsonNode t = body.path("tasktype");
        if (!t.isString() || t.asString().isBlank()) {
            throw new LegacyBodyException("tasktype", "tasktype is required: a task type such as uri://docker-container");
        }
        String s = t.asString().trim().toLowerCase(Locale.ROOT).replaceFirst("^(uri:(//)?|https?://[^#]*[/#])", "");
        return s.replaceFirst("-\\d+(\\.\\d+)*$", "").replaceFirst("\\.ya?ml$", "");
    }

    /** The request to ask the core, or a NO without asking (a Helm chart, an unknown task type). */
    public static Translation translate(JsonNode body, List<String> platformKinds) {
        if (!body.isObject()) {
            throw new LegacyBodyException(null, "the body should be a mapping with tasktype, taskinfo and resources");
        }
        String type = taskType(body);
        JsonNode info = body.path("taskinfo");
        if (!info.isMissingNode() && !info.isNull() && !info.isObject()) {
            throw new LegacyBodyException("taskinfo", "taskinfo should be a mapping such as {image: ghcr.io/x/y:1}");
        }
        if (NEVER.contains(type)) {
            return Translation.refuse("this platform does not run Helm charts (task type " + body.path("tasktype")
                    .asString() + "): it runs " + String.join(", ", platformKinds));
        }
        ObjectNode exe = NODES.objectNode();
        switch (type) {
            case "docker-container", "docker-image", "oci-container" -> {
                exe.put("kind", Kind.DOCKER.uri());
                exe.putObject("image").putArray("locations").add(text(info, "image", "taskinfo.image"));
            }
            case "singularity-container" -> {
                exe.put("kind", Kind.SINGULARITY.uri());
                exe.put("location", text(info, "image", "taskinfo.image"));
            }
            case "jupyter-notebook" -> {
                exe.put("kind", Kind.JUPYTER.uri());
                exe.put("location", text(info, info.has("notebook") ? "notebook" : "location", "taskinfo.notebook"));
            }
            case "python-program" -> {
                exe.put("kind", Kind.PYTHON.uri());
                exe.put("location", text(info, info.has("program") ? "program" : "location", "taskinfo.program"));
                for (String key : java.util.List.of("arguments", "requirements")) {
                    if (info.has(key)) {
                        exe.set(key, info.get(key).deepCopy());
                    }
                }
            }
            default -> {
                return Translation.refuse("this platform does not know the task type " + body.path("tasktype")
                        .asString() + ": it runs " + String.join(", ", platformKinds));
            }
        }
        exe.putObject("meta").put("name", info.path("name").asString(type + " task"));
        ObjectNode req = NODES.objectNode();
        req.set("executable", exe);
        JsonNode res = body.path("resources");
        if (res.has("compute") && res.get("compute").isObject()) {
            res = res.get("compute");
        } else if (!res.isMissingNode() && !res.isNull() && !res.isObject()) {
            throw new LegacyBodyException("resources", "resources should be a mapping such as {mincores: 2, minmemory: 8G}");
        }
        ObjectNode compute = NODES.objectNode();
        range(compute, "cores", field(res, "mincores", v -> Units.count(v, "resources.mincores")),
                field(res, "maxcores", v -> Units.count(v, "resources.maxcores")));
        range(compute, "memory", field(res, "minmemory", v -> Units.gib(v, "G", true, "resources.minmemory")),
                field(res, "maxmemory", v -> Units.gib(v, "G", true, "resources.maxmemory")));
        if (compute.size() > 0) {
            compute.put("kind", Kind.SIMPLE_COMPUTE.uri());
            req.set("compute", compute);
        }
        JsonNode minDuration = res.path("minduration");
        if (!minDuration.isMissingNode() && !minDuration.isNull()) {
            Duration d = Units.duration(minDuration, "m", "resources.minduration");
            req.putObject("schedule").putObject("requested").put("duration", d.toString());
        }
        return Translation.ask(WireCodec.fromTree(req, ExecutionRequest.class));
    }

    /** The 2021 answer to an offer set of the core (YES with the best offer's ranges and endpoint, or NO with reasons). */
    public static ObjectNode answer(JsonNode body, JsonNode offerSet) {
        return BestOffer.of(offerSet).map(best -> yes(body, best)).orElseGet(() -> no(body, BestOffer.messages(offerSet)));
    }

    static ObjectNode yes(JsonNode body, BestOffer best) {
        ObjectNode a = word("YES", body);
        a.putObject("serviceinfo").put("endpoint", best.url()).put("uuid", best.uuid()).put("expires", best.expires())
                .put("start", best.start());
        ObjectNode r = a.putObject("resources");
        r.put("mincores", best.coresMin()).put("maxcores", best.coresMax());
        r.put("minmemory", best.memoryMin() + "G").put("maxmemory", best.memoryMax() + "G");
        r.put("minduration", best.duration()).put("maxduration", best.duration());
        return a;
    }

    /** A NO with its reasons (in {@code reason} and, one each, in {@code messages}). */
    public static ObjectNode no(JsonNode body, List<String> reasons) {
        ObjectNode a = word("NO", body);
        a.put("reason", reasons.isEmpty() ? "the broker cannot run this task" : String.join("; ", reasons));
        var list = a.putArray("messages");
        reasons.forEach(list::add);
        return a;
    }

    private static ObjectNode word(String word, JsonNode body) {
        ObjectNode a = NODES.objectNode();
        a.put("reponseword", word);
        a.put("responseword", word);
        JsonNode type = body.path("tasktype");
        a.put("servicetype", type.isString() ? type.asString() : "");
        return a;
    }

    private static String text(JsonNode info, String name, String field) {
        JsonNode v = info.path(name);
        if (!v.isString() || v.asString().isBlank()) {
            throw new LegacyBodyException(field, field + " is required for this task type");
        }
        return v.asString().trim();
    }

    private static Long field(JsonNode res, String name, java.util.function.Function<JsonNode, Long> read) {
        JsonNode v = res.path(name);
        return v.isMissingNode() || v.isNull() ? null : read.apply(v);
    }

    private static void range(ObjectNode compute, String name, Long min, Long max) {
        if (min == null && max == null) {
            return;
        }
        if (min != null && max != null && min > max) {
            throw new LegacyBodyException("resources.min" + name, "resources: min" + name + " (" + min
                    + ") is more than max" + name + " (" + max + ")");
        }
        ObjectNode r = compute.putObject(name);
        if (min != null) {
            r.put("min", min);
        }
        if (max != null) {
            r.put("max", max);
        }
    }
}
