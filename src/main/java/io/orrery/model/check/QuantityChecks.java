package io.orrery.model.check;

import io.orrery.model.ComputeResource;
import io.orrery.model.DataResource;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.FloatItem;
import io.orrery.model.IvoaData;
import io.orrery.model.MinMax;
import io.orrery.model.SimpleCompute;
import io.orrery.model.SimpleStorage;
import io.orrery.model.SkaoData;
import io.orrery.model.StorageResource;
import io.orrery.model.UnknownCompute;
import io.orrery.model.codec.TreeLimits;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Every quantity a request states, of a known kind or an extension kind alike, in one place: sizes are whole numbers
 * from 1 up to a bound far past any platform (so that sums over a request cannot wrap a {@code long}), min is not
 * above max, data sizes are not negative, and costs and metrics are finite and not negative. A broker refuses a
 * request with any of these broken outright (HTTP 400) before it looks at its calendar.
 */
public final class QuantityChecks {
    /** Cores or GPUs in one request: a million, a thousand times the largest platform we know of. */
    public static final long MOST_UNITS = 1_000_000;
    /** GiB of memory or storage in one item: 2^30 GiB, an exbibyte. */
    public static final long MOST_GIB = 1L << 30;
    /** Bytes of one data item: 2^60, an exbibyte. */
    public static final long MOST_BYTES = 1L << 60;
    /** A cost, price or metric: 10^15 of its unit. */
    public static final double MOST_AMOUNT = 1e15;

    private QuantityChecks() {}

    /** The quantity findings of a request (also part of {@link Validator#validate}). */
    public static List<Finding> request(ExecutionRequest r) {
        List<Finding> out = new ArrayList<>();
        compute(r.compute(), "/compute", out);
        List<StorageResource> storage = r.storage() == null ? List.of() : r.storage();
        for (int i = 0; i < storage.size(); i++) {
            storage(storage.get(i), "/storage/" + i, out);
        }
        List<DataResource> data = r.data() == null ? List.of() : r.data();
        for (int i = 0; i < data.size(); i++) {
            data(data.get(i), "/data/" + i, out);
        }
        amounts(r.costs(), "/costs", out);
        amounts(r.metrics(), "/metrics", out);
        return out;
    }

    static void compute(ComputeResource c, String p, List<Finding> out) {
        if (c instanceof SimpleCompute s) {
            size(s.cores(), p + "/cores", "cores", MOST_UNITS, out);
            size(s.memory(), p + "/memory", "memory (GiB)", MOST_GIB, out);
        } else if (c instanceof UnknownCompute u) {
            size(range(u.extras().get("cores"), p + "/cores", out), p + "/cores", "cores", MOST_UNITS, out);
            size(range(u.extras().get("memory"), p + "/memory", out), p + "/memory", "memory (GiB)", MOST_GIB, out);
            size(range(u.extras().get("gpus"), p + "/gpus", out), p + "/gpus", "GPUs", MOST_UNITS, out);
        }
    }

    static void storage(StorageResource s, String p, List<Finding> out) {
        if (s instanceof SimpleStorage simple) {
            size(simple.size(), p + "/size", "storage size (GiB)", MOST_GIB, out);
        }
    }

    static void data(DataResource d, String p, List<Finding> out) {
        if (d instanceof SkaoData s && s.skao() != null) {
            bytes(s.skao().datasize(), p + "/skao/datasize", "datasize", out);
        }
        var ivoa = d instanceof IvoaData i ? i.ivoa() : d instanceof SkaoData s ? s.ivoa() : null;
        if (ivoa != null && ivoa.datalink() != null) {
            bytes(ivoa.datalink().contentLength(), p + "/ivoa/datalink/content_length", "content_length", out);
        }
    }

    private static void bytes(Long value, String p, String what, List<Finding> out) {
        if (value != null && (value < 0 || value > MOST_BYTES)) {
            out.add(Finding.error(p, what + " is in bytes, from 0 to " + MOST_BYTES + ", not " + value));
        }
    }

    /** min/max of a size: whole numbers from 1 to most, min not above max. */
    static void size(MinMax range, String pointer, String what, long most, List<Finding> out) {
        if (range == null) {
            return;
        }
        bound(range.min(), pointer + "/min", what + " minimum", most, out);
        bound(range.max(), pointer + "/max", what + " maximum", most, out);
        if (range.min() != null && range.max() != null && range.min() > range.max()) {
            out.add(Finding.error(pointer, what + " minimum " + range.min() + " is more than the maximum " + range.max()));
        }
    }

    private static void bound(Long v, String pointer, String what, long most, List<Finding> out) {
        if (v != null && v < 1) {
            out.add(Finding.error(pointer, what + " must be at least 1, not " + v));
        } else if (v != null && v > most) {
            out.add(Finding.error(pointer, what + " must be at most " + most + ", not " + v));
        }
    }

    /**
     * An extension kind's range ({@code {min: 8, max: 16}}) as whole numbers; a value that is not one is a finding,
     * and is left out of the range.
     */
    private static MinMax range(JsonNode node, String pointer, List<Finding> out) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            out.add(Finding.error(pointer, "a range is written {min: N, max: N}, not " + TreeLimits.shortly(node)));
            return null;
        }
        return MinMax.of(whole(node.get("min"), pointer + "/min", out), whole(node.get("max"), pointer + "/max", out));
    }

    /** A node as a whole number that fits a long, or null (with a finding when it is present but not one). */
    public static Long whole(JsonNode n, String pointer, List<Finding> out) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            return n.asLong();
        }
        out.add(Finding.error(pointer, "must be a whole number, not " + TreeLimits.shortly(n)));
        return null;
    }

    /** Costs and metrics: finite, not negative, not absurd, min not above max; each should say what it measures. */
    static void amounts(List<FloatItem> items, String pointer, List<Finding> out) {
        if (items == null) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            FloatItem item = items.get(i);
            String p = pointer + "/" + i;
            if (!amount(item.min()) || !amount(item.max())) {
                out.add(Finding.error(p, "a cost or metric is a number from 0 to " + MOST_AMOUNT));
            }
            if (item.min() != null && item.max() != null && item.min() > item.max()) {
                out.add(Finding.error(p, "minimum " + item.min() + " is more than the maximum " + item.max()));
            }
            if (item.type() == null || item.type().isBlank()) {
                out.add(Finding.warning(p, "no type: say what is measured, e.g. urn:ivoa:calycopis:cost:monetary"));
            }
        }
    }

    private static boolean amount(Double v) {
        return v == null || Double.isFinite(v) && v >= 0 && v <= MOST_AMOUNT;
    }
}
