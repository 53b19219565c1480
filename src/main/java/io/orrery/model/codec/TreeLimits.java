package io.orrery.model.codec;

import io.orrery.model.check.Finding;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What one document may hold before it is bound to the model, with limits no real document comes near (the
 * largest request among the samples and captures has 180 values, its longest text 300 characters): a text of at
 * most {@link #MAX_TEXT} characters, lists and maps of at most {@link #MAX_ITEMS} entries, {@link #MAX_VALUES} values
 * in all, and no empty (null) item in a list, which is always a slip ({@code data:\n  - }) and would otherwise reach
 * the code as a missing component. A document that breaks one is not bound: each break is an error at its place.
 */
public final class TreeLimits {
    public static final int MAX_TEXT = 64 * 1024;
    public static final int MAX_ITEMS = 1_000;
    public static final int MAX_VALUES = 20_000;
    /** Findings reported at most, so that a body of ten thousand nulls answers with a short list. */
    private static final int MAX_FINDINGS = 20;

    private TreeLimits() {}

    /** The breaks, at most {@value #MAX_FINDINGS} of them; empty when the tree is within every limit. */
    public static void check(JsonNode tree, List<Finding> out) {
        if (tree == null || tree.isNull() || tree.isMissingNode()) {
            out.add(Finding.error("", "the document is empty: write a request (executable:, compute:, ...), an offer"
                    + " set, a session or an update"));
            return;
        }
        if (!tree.isObject()) {
            out.add(Finding.error("", "a document is a mapping of keys to values (executable: ...), not "
                    + (tree.isArray() ? "a list" : "the value " + shortly(tree))));
            return;
        }
        int[] values = {0};
        walk(tree, "", values, out);
        if (values[0] > MAX_VALUES && out.size() < MAX_FINDINGS) {
            out.add(Finding.error("", "the document holds " + values[0] + " values; at most " + MAX_VALUES
                    + " are read"));
        }
    }

    private static void walk(JsonNode node, String pointer, int[] values, List<Finding> out) {
        if (out.size() >= MAX_FINDINGS || ++values[0] > MAX_VALUES) {
            return;
        }
        if (node.isString() && node.asString().length() > MAX_TEXT) {
            out.add(Finding.error(pointer, "a text of " + node.asString().length() + " characters; at most "
                    + MAX_TEXT + " are allowed in one value"));
        } else if (node.isArray() || node.isObject()) {
            if (node.size() > MAX_ITEMS) {
                out.add(Finding.error(pointer, (node.isArray() ? "a list of " : "a map of ") + node.size()
                        + " entries; at most " + MAX_ITEMS + " are allowed"));
                return;
            }
            if (node.isArray()) {
                for (int i = 0; i < node.size() && out.size() < MAX_FINDINGS; i++) {
                    JsonNode item = node.get(i);
                    if (item.isNull() || item.isMissingNode()) {
                        // placed at the list: an empty item has no text of its own to point at
                        out.add(Finding.error(pointer, "item " + (i + 1) + " of this list is empty: give the item, or"
                                + " remove its '-' (or the null)"));
                    } else {
                        walk(item, pointer + "/" + i, values, out);
                    }
                }
            } else {
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    walk(e.getValue(), pointer + "/" + escape(e.getKey()), values, out);
                }
            }
        }
    }

    /** A value as a message quotes it: its JSON text, cut at 40 characters. */
    public static String shortly(JsonNode n) {
        String s = n.toString();
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
