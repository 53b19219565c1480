package io.orrery.server.legacy;

import io.orrery.model.legacy.LegacyBodyException;
import io.orrery.model.legacy.Units;
import io.orrery.broker.platform.Platform;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.Kind;
import io.orrery.model.codec.WireCodec;
import io.orrery.model.time.TimeFormatException;
import io.orrery.model.time.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SRCNet compute API (2024 prototype): a query or provision body ({@code data_location}, {@code data_size},
 * {@code output_data_size}, {@code memory}, {@code cpu_cores}, {@code runtime}, {@code gpu_model}, {@code deadline})
 * translated to an ExecutionRequest, and the core's answers translated back ({@code response_code}: 0 ok, 1 not
 * available, 2 not bookable before the deadline, 3 error).
 */
public final class Srcnet {
    public static final int OK = 0;
    public static final int NOT_AVAILABLE = 1;
    public static final int NOT_BEFORE_DEADLINE = 2;
    public static final int ERROR = 3;
    /** The executable of a provision made without a container (the prototype names it only at submit). */
    public static final String NO_CONTAINER = "srcnet/container-named-at-submit";
    /** The extension kind for a GPU request (as in sample-tasks/13-gpu-extension.yaml) when the platform has none. */
    static final String GPU_KIND = "https://example.org/eb/kinds/compute/gpu-compute-resource.yaml";
    private static final Set<String> ENDED = Set.of("FAILED", "CANCELLED", "REJECTED", "EXPIRED");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Srcnet() {}

    /** The request for a query or provision; {@code withDeadline} false asks the same without the deadline. */
    public static ExecutionRequest request(JsonNode body, SrcnetUnits units, Platform platform, Instant now,
                                           boolean withDeadline) {
        if (!body.isObject()) {
            throw new LegacyBodyException(null, "the body should be a mapping with cpu_cores, memory, runtime, ...");
        }
        ObjectNode req = NODES.objectNode();
        String container = body.path("container").isString() ? body.path("container").asString().trim() : NO_CONTAINER;
        ObjectNode exe = req.putObject("executable").put("kind", Kind.DOCKER.uri());
        exe.putObject("meta").put("name", "srcnet job");
        exe.putObject("image").putArray("locations").add(container.isEmpty() ? NO_CONTAINER : container);
        ObjectNode compute = req.putObject("compute");
        long cores = required(body, "cpu_cores", v -> Units.count(v, "cpu_cores"));
        long memory = required(body, "memory", v -> Units.gib(v, units.memory(), true, "memory"));
        compute.putObject("cores").put("min", cores);
        compute.putObject("memory").put("min", memory);
        String gpu = body.path("gpu_model").isString() ? body.path("gpu_model").asString().trim() : "";
        if (!body.path("gpu_model").isMissingNode() && !body.path("gpu_model").isNull() && !body.path("gpu_model").isString()) {
            throw new LegacyBodyException("gpu_model", "gpu_model should be a GPU model such as A100, or none");
        }
        if (gpu.isEmpty() || gpu.equalsIgnoreCase("none")) {
            compute.put("kind", Kind.SIMPLE_COMPUTE.uri());
        } else {
            compute.put("kind", platform.gpuKind() == null ? GPU_KIND : platform.gpuKind());
            compute.putObject("gpus").put("min", 1).put("model", gpuModel(gpu, platform.capacity().gpus()));
        }
        long data = optional(body, "data_size", v -> Units.gib(v, units.data(), true, "data_size"))
                + optional(body, "output_data_size", v -> Units.gib(v, units.data(), true, "output_data_size"));
        if (data > 0) {
            ObjectNode storage = req.putArray("storage").addObject().put("kind", Kind.SIMPLE_STORAGE.uri());
            storage.putObject("meta").put("name", "input and output data");
            storage.putObject("size").put("min", Math.min(data, io.orrery.model.check.QuantityChecks.MOST_GIB));
        }
        Duration runtime = body.path("runtime").isMissingNode() || body.path("runtime").isNull() ? Duration.ofHours(1)
                : Units.duration(body.path("runtime"), units.runtime(), "runtime");
        if (runtime.isZero()) {
            runtime = Duration.ofMinutes(1);
        }
        ObjectNode requested = req.putObject("schedule").putObject("requested").put("duration", runtime.toString());
        Instant deadline = deadline(body);
        if (withDeadline && deadline != null) {
            Instant latest = deadline.minus(runtime);
            if (latest.isBefore(now)) {
                throw new TooLate("the run of " + runtime + " cannot end before the deadline " + deadline);
            }
            requested.put("start", now + "/" + latest);
        }
        return WireCodec.fromTree(req, ExecutionRequest.class);
    }

    /** A deadline that leaves no time for the run: response code 2 without asking. */
    public static final class TooLate extends RuntimeException {
        public TooLate(String message) {
            super(message);
        }
    }

    static Instant deadline(JsonNode body) {
        JsonNode d = body.path("deadline");
        if (d.isMissingNode() || d.isNull()) {
            return null;
        }
        if (!d.isString()) {
            throw new LegacyBodyException("deadline", "deadline should be an ISO-8601 instant such as 2026-09-01T09:00:00Z");
        }
        try {
            return Times.instant(d.asString().trim());
        } catch (TimeFormatException | java.time.DateTimeException e) {
            throw new LegacyBodyException("deadline", "deadline: " + e.getMessage());
        }
    }

    /** The platform's name of a GPU model (A100 -> nvidia-a100 when that is what it has), else the name as given. */
    static String gpuModel(String asked, Map<String, Long> have) {
        String a = asked.toLowerCase(Locale.ROOT);
        for (String name : have.keySet()) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.equals(a) || n.endsWith("-" + a)) {
                return name;
            }
        }
        return a;
    }

    /** {@code {response_code, response_text}}. */
    public static ObjectNode answer(int code, String text) {
        ObjectNode a = NODES.objectNode();
        a.put("response_code", code);
        a.put("response_text", text);
        return a;
    }

    /** The answer to a query from the core's offer set: 0 with the best offer's start, or the code and reasons. */
    public static ObjectNode query(JsonNode offerSet, int codeIfNo) {
        return BestOffer.of(offerSet).map(b -> answer(OK, "Ok: " + b.coresMin() + " cores and " + b.memoryMin()
                + " GiB of memory for " + b.duration() + " from " + b.start()))
                .orElseGet(() -> answer(codeIfNo, reasons(offerSet)));
    }

    /** The answer to a provision: the held offer's uuid and expiry, or the code and reasons. */
    public static ObjectNode provision(JsonNode offerSet, int codeIfNo) {
        ObjectNode a = query(offerSet, codeIfNo);
        BestOffer.of(offerSet).ifPresentOrElse(b -> a.put("provision_id", b.uuid()).put("provision_validity", b.expires())
                .put("start", b.start()).put("session", b.url()),
                () -> a.putNull("provision_id").putNull("provision_validity"));
        return a;
    }

    /** The answer to a submit: the accepted session (the job) and its phase. */
    public static ObjectNode submitted(JsonNode session) {
        ObjectNode a = answer(OK, "Accepted: " + session.path("phase").asString("") + " (session "
                + session.path("meta").path("url").asString("") + ")");
        a.put("job_id", session.path("meta").path("uuid").asString(""));
        return a;
    }

    /** The status of a job: phase, text, the log and output locations (the session's connectors). */
    public static ObjectNode status(JsonNode session) {
        String phase = session.path("phase").asString("");
        StringBuilder logging = new StringBuilder();
        String outputs = null;
        for (JsonNode c : session.path("connectors")) {
            String location = c.path("location").asString("");
            String name = c.path("name").asString(c.path("kind").asString(""));
            logging.append(name).append(": ").append(location).append('\n');
            if (outputs == null && name.startsWith("outputs/")) {
                outputs = location;
            }
        }
        ObjectNode a = answer(ENDED.contains(phase) ? ERROR : OK, phase + messages(session));
        a.put("phase", phase);
        a.put("job_id", session.path("meta").path("uuid").asString(""));
        a.put("session", session.path("meta").path("url").asString(""));
        a.put("logging", logging.toString());
        if (outputs != null) {
            a.put("output_data", outputs);
        } else {
            a.putNull("output_data");
        }
        return a;
    }

    private static String messages(JsonNode tree) {
        List<String> m = BestOffer.messages(tree);
        return m.isEmpty() ? "" : ": " + String.join("; ", m);
    }

    private static String reasons(JsonNode offerSet) {
        List<String> m = BestOffer.messages(offerSet);
        return m.isEmpty() ? "not available" : String.join("; ", m);
    }

    private static long required(JsonNode body, String name, java.util.function.ToLongFunction<JsonNode> read) {
        JsonNode v = body.path(name);
        if (v.isMissingNode() || v.isNull()) {
            throw new LegacyBodyException(name, name + " is required");
        }
        return read.applyAsLong(v);
    }

    private static long optional(JsonNode body, String name, java.util.function.ToLongFunction<JsonNode> read) {
        JsonNode v = body.path(name);
        return v.isMissingNode() || v.isNull() ? 0 : read.applyAsLong(v);
    }
}
