package io.orrery.cli;

import io.orrery.client.BrokerError;
import io.orrery.client.Outcome;
import io.orrery.client.compare.Comparison;
import io.orrery.client.text.HumanTime;
import io.orrery.client.compare.OfferRow;
import io.orrery.client.compare.Range;
import io.orrery.client.export.ExportTable;
import io.orrery.client.export.JsonWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** The comparison as a table for people (other formats: client.export), with the reasons of brokers that said NO. */
final class OffersOutput {
    private OffersOutput() {}

    static String table(List<OfferRow> rows, List<Outcome> outcomes) {
        StringBuilder b = new StringBuilder();
        if (!rows.isEmpty()) {
            int urls = Math.max(3, rows.stream().mapToInt(r -> String.valueOf(r.url()).length()).max().orElse(3));
            String line = "%-2s %-3s %-22s %-20s %-20s %-10s %-10s %6s %7s %7s %11s %10s  %-" + urls + "s  %s%n";
            b.append(String.format(line, "", "#", "BROKER", "START (UTC)", "FINISH", "LEAD", "DURATION", "CORES",
                    "MEM GiB", "STORAGE", "COST " + Comparison.CURRENCY, "CARBON g", "URL", "FLAGS"));
            int n = 1;
            for (OfferRow r : rows) {
                b.append(String.format(line, r.paretoBest() ? "*" : "", n++, cut(r.broker(), 22), time(r.start()),
                        time(r.end()), HumanTime.duration(r.lead()), HumanTime.duration(r.duration()), n(r.cores()),
                        n(r.memory()), n(r.storage()), range(r.costs(), Comparison.MONETARY),
                        range(r.costs(), Comparison.CARBON), r.url() == null ? "-" : r.url(),
                        String.join("; ", r.flags())).stripTrailing()).append('\n');
            }
            b.append("* Pareto-best: no other offer within your caps starts earlier, ends earlier and costs less money"
                    + " and carbon at once.\n");
            b.append("Accept one with 'orrery accept #' (its number here) or 'orrery accept URL'.\n");
        }
        for (Outcome o : outcomes) {
            if (o instanceof Outcome.No no) {
                b.append(o.broker()).append(" said NO:\n");
                no.reasons().forEach(r -> b.append("  - ").append(r).append('\n'));
            } else if (o instanceof Outcome.Failed f) {
                b.append(o.broker()).append(' ').append(failed(f)).append(": ").append(f.error().getMessage()).append('\n');
            } else if (o instanceof Outcome.Offers offers && !offers.warnings().isEmpty()) {
                b.append(o.broker()).append(" warnings (the broker's own, and where offers break the request):\n");
                offers.warnings().forEach(w -> b.append("  - ").append(w).append('\n'));
            }
        }
        return b.toString();
    }

    /** How a broker failed, in a word or two: "timed out" or "failed". */
    static String failed(Outcome.Failed f) {
        return f.error().kind() == BrokerError.Kind.TIMEOUT ? "timed out" : "failed";
    }

    static String pretty(ObjectNode root) {
        return JsonWriter.text(root);
    }

    /** The comparison as a JSON tree, the export's (offers with every field, and each broker's result). */
    static ObjectNode tree(List<OfferRow> rows, List<Outcome> outcomes, Instant now) {
        return JsonWriter.tree(ExportTable.of(null, now, rows, outcomes));
    }

    private static String range(Map<String, Range> m, String type) {
        Range r = m.get(type);
        return r == null ? "-" : r.toString();
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    static String time(Instant t) {
        return t == null ? "-" : t.toString().replace("T", " ").replaceFirst(":\\d\\d(\\.\\d+)?Z$", "");
    }


    private static String n(Long v) {
        return v == null ? "-" : String.valueOf(v);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
