package io.orrery.broker.whatif;

import io.orrery.model.ExecutionRequest;
import io.orrery.model.Kind;
import io.orrery.model.codec.Dialect;
import io.orrery.model.codec.WireCodec;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/** The task with one parameter set to a sweep's value, everything else as the user wrote it. */
public final class RequestEdit {
    private RequestEdit() {}

    /** The request with cores, memory, duration or start window set ({@code PLATFORM} leaves it as it is). */
    public static ExecutionRequest apply(ExecutionRequest request, Sweep.Parameter p, String value, Instant at) {
        if (p == Sweep.Parameter.PLATFORM) {
            return request;
        }
        ObjectNode tree = (ObjectNode) WireCodec.toTree(request, Dialect.NEWEST).deepCopy();
        switch (p) {
            case CORES, MEMORY -> {
                ObjectNode compute = tree.has("compute") && tree.get("compute").isObject() ? (ObjectNode) tree.get("compute")
                        : tree.putObject("compute").put("kind", Kind.SIMPLE_COMPUTE.uri());
                long v = Long.parseLong(value);
                compute.putObject(p == Sweep.Parameter.CORES ? "cores" : "memory").put("min", v).put("max", v);
            }
            case DURATION -> requested(tree).put("duration", value);
            case START -> {
                Instant from = at.plusSeconds(Long.parseLong(value) * 3600);
                requested(tree).put("start", from + "/PT1H");
            }
            default -> throw new IllegalStateException(p.name());
        }
        return WireCodec.fromTree(tree, ExecutionRequest.class);
    }

    private static ObjectNode requested(ObjectNode tree) {
        ObjectNode schedule = tree.has("schedule") && tree.get("schedule").isObject() ? (ObjectNode) tree.get("schedule")
                : tree.putObject("schedule");
        return schedule.has("requested") && schedule.get("requested").isObject() ? (ObjectNode) schedule.get("requested")
                : schedule.putObject("requested");
    }
}
