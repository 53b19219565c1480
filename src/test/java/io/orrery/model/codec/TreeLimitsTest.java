package io.orrery.model.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.orrery.model.check.Finding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Each limit of a document, at its edge and one past it. */
class TreeLimitsTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String LONG = "x".repeat(TreeLimits.MAX_TEXT + 1);

    private static List<Finding> check(JsonNode tree) {
        List<Finding> out = new ArrayList<>();
        TreeLimits.check(tree, out);
        return out;
    }

    private static Finding longText(String pointer) {
        return Finding.error(pointer, "a text of " + LONG.length() + " characters; at most " + TreeLimits.MAX_TEXT
                + " are allowed in one value");
    }

    @Test
    void anEmptyDocumentIsOneError() {
        Finding empty = Finding.error("", "the document is empty: write a request (executable:, compute:, ...), an"
                + " offer set, a session or an update");
        assertEquals(List.of(empty), check(null));
        assertEquals(List.of(empty), check(NODES.nullNode()));
        assertEquals(List.of(empty), check(NODES.missingNode()));
    }

    @Test
    void aDocumentMustBeAMapping() {
        assertEquals(List.of(Finding.error("", "a document is a mapping of keys to values (executable: ...), not a list")),
                check(NODES.arrayNode().add(1)));
        assertEquals(List.of(Finding.error("", "a document is a mapping of keys to values (executable: ...), not the"
                + " value \"compute\"")), check(NODES.stringNode("compute")));
        assertEquals(List.of(), check(NODES.objectNode()));
    }

    @Test
    void shortlyCutsAtFortyCharacters() {
        assertEquals("\"" + "a".repeat(38) + "\"", TreeLimits.shortly(NODES.stringNode("a".repeat(38))));
        assertEquals("\"" + "a".repeat(39) + "...", TreeLimits.shortly(NODES.stringNode("a".repeat(39))));
        assertEquals("12", TreeLimits.shortly(NODES.numberNode(12)));
    }

    @Test
    void aTextMayHaveMaxTextCharacters() {
        ObjectNode doc = NODES.objectNode();
        doc.put("ok", "y".repeat(TreeLimits.MAX_TEXT));
        doc.putObject("a~b").putArray("c/d").add("short").add(LONG);
        assertEquals(List.of(longText("/a~0b/c~1d/1")), check(doc));
    }

    @Test
    void listsAndMapsMayHaveMaxItemsEntries() {
        ObjectNode doc = NODES.objectNode();
        ArrayNode fits = doc.putArray("fits");
        ArrayNode over = doc.putArray("over");
        ObjectNode map = doc.putObject("map");
        for (int i = 0; i <= TreeLimits.MAX_ITEMS; i++) {
            over.add(i);
            map.put("k" + i, i);
            if (i < TreeLimits.MAX_ITEMS) {
                fits.add(i);
            }
        }
        assertEquals(List.of(
                Finding.error("/over", "a list of 1001 entries; at most 1000 are allowed"),
                Finding.error("/map", "a map of 1001 entries; at most 1000 are allowed")), check(doc));
    }

    @Test
    void emptyListItemsArePlacedAtTheList() {
        ObjectNode doc = NODES.objectNode();
        doc.putArray("data").add("a").addNull();
        assertEquals(List.of(Finding.error("/data", "item 2 of this list is empty: give the item, or remove its '-'"
                + " (or the null)")), check(doc));
    }

    @Test
    void findingsStopAtTwenty() {
        ObjectNode doc = NODES.objectNode();
        for (int i = 0; i < 25; i++) {
            doc.put("t" + i, LONG);
        }
        List<Finding> found = check(doc);
        assertEquals(20, found.size());
        assertEquals(longText("/t19"), found.get(19));
    }

    @Test
    void emptyItemsStopAtTwentyFindingsToo() {
        ObjectNode doc = NODES.objectNode();
        ArrayNode nulls = doc.putArray("data");
        for (int i = 0; i < TreeLimits.MAX_ITEMS; i++) {
            nulls.addNull();
        }
        List<Finding> found = check(doc);
        assertEquals(20, found.size());
        assertEquals("item 20 of this list is empty: give the item, or remove its '-' (or the null)",
                found.get(19).message());
    }

    /** Lists of numbers holding {@code extra} values in all (the lists count); returns the last list. */
    private static ArrayNode withValues(ObjectNode doc, int extra) {
        int left = extra;
        ArrayNode list = null;
        for (int l = 0; left > 0; l++) {
            list = doc.putArray("l" + l);
            left--;
            for (int i = 0; i < TreeLimits.MAX_ITEMS && left > 0; i++, left--) {
                list.add(i);
            }
        }
        return list;
    }

    /** A document of {@code total} values, the root included. */
    private static ObjectNode values(int total) {
        ObjectNode doc = NODES.objectNode();
        withValues(doc, total - 1);
        return doc;
    }

    @Test
    void aDocumentMayHoldMaxValues() {
        assertEquals(List.of(), check(values(TreeLimits.MAX_VALUES)));
        assertEquals(List.of(Finding.error("", "the document holds 20001 values; at most 20000 are read")),
                check(values(TreeLimits.MAX_VALUES + 1)));
    }

    @Test
    void theLastOfMaxValuesIsStillChecked() {
        ObjectNode doc = values(TreeLimits.MAX_VALUES - 1);
        doc.put("last", LONG);
        assertEquals(List.of(longText("/last")), check(doc));
    }

    @Test
    void tooManyValuesIsReportedOnlyWithRoomForIt() {
        ObjectNode nineteen = NODES.objectNode();
        ObjectNode twenty = NODES.objectNode();
        for (int i = 0; i < 19; i++) {
            nineteen.put("t" + i, LONG);
            twenty.put("t" + i, LONG);
        }
        withValues(nineteen, TreeLimits.MAX_VALUES - 19);
        // the twentieth finding, an empty item, comes after the last value counted
        withValues(twenty, TreeLimits.MAX_VALUES - 19).addNull();
        List<Finding> a = check(nineteen);
        assertEquals(20, a.size());
        assertEquals(Finding.error("", "the document holds 20001 values; at most 20000 are read"), a.get(19));
        List<Finding> b = check(twenty);
        assertEquals(20, b.size());
        assertEquals(Finding.error("/l19", "item 962 of this list is empty: give the item, or remove its '-' (or the"
                + " null)"), b.get(19));
    }
}
