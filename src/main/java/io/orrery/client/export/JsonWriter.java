package io.orrery.client.export;

import io.orrery.client.Outcome;
import io.orrery.client.compare.Range;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The comparison as JSON: the task and when, the columns (name, unit, UCD, description), one object per offer with
 * a member per column (flags as a list) and every cost, hourly price and metric the broker gave by its type URI,
 * and each broker's answer ({@code result} YES, NO with its {@code reasons}, or ERROR with the {@code error} kind).
 */
public final class JsonWriter {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonWriter() {}

    public static void write(ExportTable table, Writer out) throws IOException {
        out.write(text(tree(table)));
        out.flush();
    }

    /** A tree, pretty-printed, with a final line end. */
    public static String text(ObjectNode root) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    /** The comparison as a JSON tree (a caller may add members before writing it). */
    public static ObjectNode tree(ExportTable table) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("task", table.task()).put("generated", table.generated().toString());
        ArrayNode columns = root.putArray("columns");
        for (Column c : Columns.ALL) {
            columns.addObject().put("name", c.name()).put("type", c.type().name().toLowerCase(java.util.Locale.ROOT))
                    .put("unit", c.unit()).put("ucd", c.ucd()).put("description", c.description());
        }
        ArrayNode offers = root.putArray("offers");
        for (ExportRow r : table.rows()) {
            ObjectNode o = offers.addObject();
            for (Column c : Columns.ALL) {
                if (!c.name().equals("flags")) {
                    put(o, c.name(), c.of(r));
                }
            }
            r.flags().forEach(o.putArray("flags")::add);
            ranges(o.putObject("costs"), r.offer().costs());
            ranges(o.putObject("hourly"), r.offer().hourly());
            ranges(o.putObject("metrics"), r.offer().metrics());
        }
        ArrayNode brokers = root.putArray("brokers");
        for (Outcome out : table.answers()) {
            ObjectNode o = brokers.addObject().put("broker", out.broker()).put("seconds", out.elapsed().toMillis() / 1000.0);
            if (out instanceof Outcome.Offers x) {
                o.put("result", "YES").put("offerSet", x.offerSet().meta() == null ? null : x.offerSet().meta().url());
                x.warnings().forEach(o.putArray("warnings")::add);
            } else if (out instanceof Outcome.No x) {
                o.put("result", "NO");
                x.reasons().forEach(o.putArray("reasons")::add);
            } else if (out instanceof Outcome.Failed x) {
                o.put("result", "ERROR").put("error", x.error().kind().name()).put("message", x.error().getMessage());
            }
        }
        return root;
    }

    private static void put(ObjectNode o, String name, Object v) {
        if (v == null) {
            o.putNull(name);
        } else if (v instanceof Long l) {
            o.put(name, l);
        } else if (v instanceof Double d) {
            o.put(name, d);
        } else if (v instanceof Boolean b) {
            o.put(name, b);
        } else {
            o.put(name, v.toString());
        }
    }

    private static void ranges(ObjectNode into, Map<String, Range> ranges) {
        ranges.forEach((type, r) -> {
            ObjectNode o = into.putObject(type);
            if (r.min() != null) {
                o.put("min", r.min());
            }
            if (r.max() != null) {
                o.put("max", r.max());
            }
        });
    }
}
