package io.orrery.client.legacy;

import io.orrery.model.ComputeResource;
import io.orrery.model.DockerContainer;
import io.orrery.model.Executable;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.JupyterNotebook;
import io.orrery.model.MinMax;
import io.orrery.model.PythonProgram;
import io.orrery.model.codec.Dialect;
import io.orrery.model.codec.WireCodec;
import java.util.List;
import tools.jackson.databind.JsonNode;
import io.orrery.model.SimpleCompute;
import io.orrery.model.SingularityContainer;
import java.time.Duration;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An ExecutionRequest put as the 2021 ExecutionPlanner question: {@code tasktype} ({@code uri://docker-container},
 * {@code uri://singularity-container}, {@code uri://jupyter-notebook}, and the 2024 report's
 * {@code uri://python-program}), {@code taskinfo} (the image, notebook or program, a program's arguments and
 * requirements, and the task's name) and {@code resources} (cores, memory in whole GiB as {@code 8G}, the run's length in minutes as
 * {@code 10m}).
 */
public final class CanIDoThisQuestion {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CanIDoThisQuestion() {}

    /** The question's body; {@link NotExpressible} when the request's executable has no 2021 task type. */
    public static ObjectNode of(ExecutionRequest request) {
        ObjectNode q = NODES.objectNode();
        ObjectNode info = NODES.objectNode();
        Executable exe = request.executable();
        if (exe instanceof DockerContainer d) {
            q.put("tasktype", "uri://docker-container");
            if (d.image() == null || d.image().locations() == null || d.image().locations().isEmpty()
                    || d.image().locations().get(0) == null) {
                throw new NotExpressible("the container has no image location to name in taskinfo.image");
            }
            info.put("image", d.image().locations().get(0));
        } else if (exe instanceof SingularityContainer s) {
            q.put("tasktype", "uri://singularity-container");
            info.put("image", required(s.location(), "the Singularity container has no location"));
        } else if (exe instanceof JupyterNotebook n) {
            q.put("tasktype", "uri://jupyter-notebook");
            info.put("notebook", required(n.location(), "the notebook has no location"));
        } else if (exe instanceof PythonProgram p) {
            q.put("tasktype", "uri://python-program");
            info.put("program", required(p.location(), "the Python program has no location"));
            JsonNode tree = WireCodec.toTree(request, Dialect.NEWEST).path("executable");
            for (String key : List.of("arguments", "requirements")) {
                if (tree.hasNonNull(key)) {
                    info.set(key, tree.get(key).deepCopy());
                }
            }
        } else {
            throw new NotExpressible("the 2021 CanIDoThis protocol has no task type for "
                    + (exe == null ? "a request without an executable" : "the executable kind " + exe.kind())
                    + ": it knows docker-container, singularity-container, jupyter-notebook and python-program");
        }
        if (exe.meta() != null && exe.meta().name() != null) {
            info.put("name", exe.meta().name());
        }
        q.set("taskinfo", info);
        ObjectNode res = resources(request.compute());
        Duration d = OpenOffer.requestedDuration(request);
        if (d != null) {
            String minutes = ((d.toSeconds() + 59) / 60) + "m";
            res.put("minduration", minutes).put("maxduration", minutes);
        }
        if (res.size() > 0) {
            q.set("resources", res);
        }
        return q;
    }

    private static ObjectNode resources(ComputeResource compute) {
        ObjectNode res = NODES.objectNode();
        if (compute instanceof SimpleCompute c) {
            range(res, "cores", c.cores(), "");
            range(res, "memory", c.memory(), "G");
        }
        return res;
    }

    private static void range(ObjectNode res, String name, MinMax r, String unit) {
        if (r == null) {
            return;
        }
        if (r.min() != null) {
            put(res, "min" + name, r.min(), unit);
        }
        if (r.max() != null) {
            put(res, "max" + name, r.max(), unit);
        }
    }

    private static void put(ObjectNode res, String field, long value, String unit) {
        if (unit.isEmpty()) {
            res.put(field, value);
        } else {
            res.put(field, value + unit);
        }
    }

    private static String required(String value, String problem) {
        if (value == null || value.isBlank()) {
            throw new NotExpressible(problem);
        }
        return value;
    }
}
