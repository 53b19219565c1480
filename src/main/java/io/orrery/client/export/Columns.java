package io.orrery.client.export;

import io.orrery.client.compare.Comparison;
import io.orrery.client.compare.OfferRow;
import io.orrery.client.compare.Range;
import io.orrery.client.export.Column.Type;
import java.util.List;
import java.util.function.Function;

/**
 * The columns of the exported comparison, in order: who offers what, when, with what, for how much. Money is in
 * the broker's own currency (the standard names none), energy in kWh and carbon in grams of CO2, each as the low
 * and the high end of the broker's estimate (the requested and the longest offered run).
 */
public final class Columns {
    private static final String ENERGY_UNIT = "kW.h";

    /** Every column, in the order the writers put them. */
    public static final List<Column> ALL = List.of(
            text("broker", "meta.id", "the broker that made the offer", r -> r.offer().broker()),
            text("uuid", "meta.id;meta.main", "the offer's identifier at its broker", r -> r.offer().uuid()),
            text("url", "meta.ref.url", "the offer's URL: accept or reject it there", r -> r.offer().url()),
            text("name", "meta.id", "the offer's name", r -> r.offer().name()),
            text("state", "meta.code.status", "OFFERED while it may be accepted, EXPIRED once past its expiry",
                    ExportRow::state),
            new Column("start", Type.INSTANT, null, "time.start", "when the executable may start (UTC)",
                    r -> r.offer().start()),
            new Column("end", Type.INSTANT, null, "time.end", "when the offered run ends (UTC)", r -> r.offer().end()),
            seconds("lead", "preparation before the start (image pull, data staging)", r -> r.offer().lead()),
            seconds("duration", "length of the offered run", r -> r.offer().duration()),
            seconds("release", "release after the end", r -> r.offer().release()),
            new Column("expires", Type.INSTANT, null, "time", "until when the offer may be accepted (UTC)",
                    r -> r.offer().expires()),
            whole("cores", null, "meta.number", "CPU cores offered", ExportRow::cores),
            whole("memory", "GiB", "meta.number", "memory offered", ExportRow::memory),
            whole("gpus", null, "meta.number", "GPUs offered (0 on a compute kind without GPUs)", ExportRow::gpus),
            text("gpuModel", "meta.id", "the GPU model offered", ExportRow::gpuModel),
            whole("storage", "GiB", "meta.number", "storage offered", r -> r.offer().storage()),
            low("costMin", null, null, "cost, low estimate, in the broker's currency", Comparison.MONETARY),
            high("costMax", null, null, "cost, high estimate, in the broker's currency", Comparison.MONETARY),
            low("energyMin", ENERGY_UNIT, "phys.energy;stat.min", "energy use, low estimate", Comparison.ENERGY),
            high("energyMax", ENERGY_UNIT, "phys.energy;stat.max", "energy use, high estimate", Comparison.ENERGY),
            low("carbonMin", "g", "phys.mass;stat.min", "carbon emitted (CO2), low estimate", Comparison.CARBON),
            high("carbonMax", "g", "phys.mass;stat.max", "carbon emitted (CO2), high estimate", Comparison.CARBON),
            new Column("withinCaps", Type.BOOLEAN, null, "meta.code",
                    "within the task's cost caps and metric floors", r -> r.offer().withinCaps()),
            new Column("paretoBest", Type.BOOLEAN, null, "meta.code",
                    "no other offer within the caps starts earlier, ends earlier and costs less money and carbon",
                    r -> r.offer().paretoBest()),
            text("flags", "meta.note", "where the offer breaks the request or a cap, and the broker's warnings",
                    r -> r.flags().isEmpty() ? null : String.join("; ", r.flags())));

    private Columns() {}

    private static Column text(String name, String ucd, String description, Function<ExportRow, Object> value) {
        return new Column(name, Type.TEXT, null, ucd, description, value);
    }

    private static Column seconds(String name, String description, Function<ExportRow, Object> value) {
        return new Column(name, Type.SECONDS, "s", "time.duration", description, value);
    }

    private static Column whole(String name, String unit, String ucd, String description,
                                Function<ExportRow, Object> value) {
        return new Column(name, Type.INTEGER, unit, ucd, description, value);
    }

    private static Column low(String name, String unit, String ucd, String description, String type) {
        return new Column(name, Type.REAL, unit, ucd, description, r -> end(r.offer(), type, true));
    }

    private static Column high(String name, String unit, String ucd, String description, String type) {
        return new Column(name, Type.REAL, unit, ucd, description, r -> end(r.offer(), type, false));
    }

    /** One end of a cost range; a broker that gave one number gives it as both ends. */
    private static Double end(OfferRow offer, String type, boolean low) {
        Range r = offer.costs().get(type);
        if (r == null) {
            return null;
        }
        Double v = low ? (r.min() != null ? r.min() : r.max()) : (r.max() != null ? r.max() : r.min());
        return v;
    }
}
