package io.orrery.client.legacy;

import io.orrery.model.DataResource;
import io.orrery.model.DockerContainer;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.SimpleCompute;
import io.orrery.model.SimpleData;
import io.orrery.model.SimpleStorage;
import io.orrery.model.StorageResource;
import io.orrery.model.time.TimeFormatException;
import io.orrery.model.time.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.threeten.extra.Interval;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An ExecutionRequest put as an SRCNet compute query (2024 prototype, {@code ska-src-compute-api}), whose fields
 * are all required: whole numbers in the units its model describes (memory and data sizes in GB, read as GiB as
 * Orrery counts; runtime in hours), rounded up; {@code gpu_model} {@code none}; the {@code deadline} is the latest end
 * the request allows (the end of its start window plus its length), or {@link #NO_WINDOW} on when it has no window.
 * The submit names the container image, the first data location as {@code dataset}, and the command as the
 * {@code params} mapping.
 */
public final class SrcnetQuestion {
    /** How far on the deadline is put for a request without a start window. */
    public static final Duration NO_WINDOW = Duration.ofDays(7);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SrcnetQuestion() {}

    /** The body of {@code POST /query} and {@code PUT /provision}. */
    public static ObjectNode query(ExecutionRequest request, Instant now) {
        if (!(request.executable() instanceof DockerContainer)) {
            throw new NotExpressible("the SRCNet compute API runs containers only, not "
                    + (request.executable() == null ? "a request without an executable" : request.executable().kind()));
        }
        ObjectNode q = NODES.objectNode();
        q.put("data_location", dataLocation(request));
        q.put("data_size", storageGib(request.storage()));
        q.put("output_data_size", 0);
        long cores = 1;
        long memory = 1;
        if (request.compute() instanceof SimpleCompute c) {
            cores = c.cores() != null && c.cores().min() != null ? Math.max(1, c.cores().min()) : cores;
            memory = c.memory() != null && c.memory().min() != null ? Math.max(1, c.memory().min()) : memory;
        }
        q.put("memory", memory);
        q.put("cpu_cores", cores);
        Duration length = OpenOffer.requestedDuration(request);
        length = length == null ? OpenOffer.UNSAID : length;
        q.put("runtime", Math.max(1, (length.toSeconds() + 3599) / 3600));
        q.put("gpu_model", "none");
        q.put("deadline", deadline(request, length, now).toString());
        return q;
    }

    /** The body of {@code PUT /provision/{id}/submit}. */
    public static ObjectNode submit(ExecutionRequest request) {
        DockerContainer d = (DockerContainer) request.executable();
        if (d.image() == null || d.image().locations() == null || d.image().locations().isEmpty()) {
            throw new NotExpressible("the container has no image location to submit");
        }
        ObjectNode s = NODES.objectNode().put("container", d.image().locations().get(0));
        s.put("dataset", dataLocation(request));
        s.set("params", params(d.command() == null ? List.of() : d.command()));
        return s;
    }

    /**
     * The command as the mapping the API takes for {@code params} (its example: {@code {"--maxiter": 1000}}):
     * {@code --name value} pairs, a lone {@code --flag} as {@code "True"}, other words as {@code arg1}, {@code arg2}...
     */
    static ObjectNode params(List<String> command) {
        ObjectNode p = NODES.objectNode();
        int positional = 0;
        for (int i = 0; i < command.size(); i++) {
            String word = command.get(i) == null ? "" : command.get(i);
            boolean option = word.startsWith("-") && word.length() > 1;
            String next = i + 1 < command.size() ? command.get(i + 1) : null;
            if (option && word.contains("=")) {
                p.put(word.substring(0, word.indexOf('=')), word.substring(word.indexOf('=') + 1));
            } else if (option && next != null && !next.startsWith("-")) {
                p.put(word, next);
                i++;
            } else if (option) {
                p.put(word, "True");
            } else {
                p.put("arg" + (++positional), word);
            }
        }
        return p;
    }

    static Instant deadline(ExecutionRequest request, Duration length, Instant now) {
        if (request.schedule() != null && request.schedule().requested() != null
                && request.schedule().requested().start() != null) {
            try {
                Interval w = Times.interval(request.schedule().requested().start());
                if (!w.isUnboundedEnd()) {
                    return w.getEnd().plus(length);
                }
            } catch (TimeFormatException ignored) {
                // an unreadable window is the validator's to report: ask as if there were none
            }
        }
        return now.plus(NO_WINDOW);
    }

    private static String dataLocation(ExecutionRequest request) {
        for (DataResource d : request.data() == null ? List.<DataResource>of() : request.data()) {
            if (d instanceof SimpleData s && s.location() != null) {
                return s.location();
            }
        }
        return "none";
    }

    private static long storageGib(List<StorageResource> storage) {
        long total = 0;
        for (StorageResource s : storage == null ? List.<StorageResource>of() : storage) {
            if (s instanceof SimpleStorage ss && ss.size() != null && ss.size().min() != null) {
                long v = Math.max(0, ss.size().min());
                total = total > Long.MAX_VALUE - v ? Long.MAX_VALUE : total + v;
            }
        }
        return total;
    }
}
