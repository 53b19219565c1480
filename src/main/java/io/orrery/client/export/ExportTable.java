package io.orrery.client.export;

import io.orrery.client.Outcome;
import io.orrery.client.compare.OfferRow;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.ExecutionSession;
import io.orrery.model.SimpleCompute;
import io.orrery.model.UnknownCompute;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The comparison as it is taken away: the task it answers (its name, or null), when it was written, one row per
 * offer in the order shown, and every broker's answer (offers, NO with reasons, or the error).
 */
public record ExportTable(String task, Instant generated, List<ExportRow> rows, List<Outcome> answers) {
    public ExportTable {
        generated = generated.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        rows = List.copyOf(rows);
        answers = List.copyOf(answers);
    }

    /**
     * The table of these rows: each offer's state judged on its broker's clock ({@code nowFor}), its sizes read
     * from the offer as sent (in {@code outcomes}), its flags as {@code flags} gives them.
     */
    public static ExportTable of(String task, Instant generated, List<OfferRow> rows, List<Outcome> outcomes,
                                 Function<String, Instant> nowFor, Function<OfferRow, List<String>> flags) {
        Map<String, ExecutionSession> sent = new HashMap<>();
        for (Outcome o : outcomes) {
            if (o instanceof Outcome.Offers offers) {
                offers.offerSet().offers().forEach(s -> sent.put(s.meta().uuid(), s));
            }
        }
        List<ExportRow> out = rows.stream().map(r -> row(r, sent.get(r.uuid()), nowFor.apply(r.broker()),
                flags.apply(r))).toList();
        return new ExportTable(task, generated, out, outcomes);
    }

    /** The same for the command line: one clock for every broker, the row's own flags. */
    public static ExportTable of(String task, Instant now, List<OfferRow> rows, List<Outcome> outcomes) {
        return of(task, now, rows, outcomes, broker -> now, OfferRow::flags);
    }

    /** What a task is called in an export: its executable's name, or null when it has none. */
    public static String nameOf(ExecutionRequest request) {
        return request == null || request.executable() == null || request.executable().meta() == null ? null
                : request.executable().meta().name();
    }

    private static ExportRow row(OfferRow r, ExecutionSession s, Instant now, List<String> flags) {
        boolean expired = r.expires() != null && !now.isBefore(r.expires());
        String phase = s == null || s.phase() == null ? "OFFERED" : s.phase();
        String state = expired && "OFFERED".equals(phase) ? "EXPIRED" : phase;
        Long cores = r.cores();
        Long memory = r.memory();
        Long gpus = null;
        String gpuModel = null;
        if (s != null && s.compute() instanceof UnknownCompute u) {
            cores = cores != null ? cores : least(u.extras().get("cores"));
            memory = memory != null ? memory : least(u.extras().get("memory"));
            gpus = least(u.extras().get("gpus"));
            JsonNode model = u.extras().get("gpus") == null ? null : u.extras().get("gpus").get("model");
            gpuModel = model == null || !model.isString() ? null : model.asString();
        } else if (s != null && s.compute() instanceof SimpleCompute) {
            gpus = 0L;
        }
        return new ExportRow(r, state, cores, memory, gpus, gpuModel, flags);
    }

    /** The least of a {min, max} range (a bare number too), or null. */
    private static Long least(JsonNode range) {
        if (range == null) {
            return null;
        }
        JsonNode v = range.isObject() ? (range.has("min") ? range.get("min") : range.get("max")) : range;
        return v != null && v.canConvertToLong() ? v.asLong() : null;
    }
}
