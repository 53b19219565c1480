package io.orrery.workbench.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.model.check.LocatedFinding;
import org.junit.jupiter.api.Test;

/** Syntax errors in plain words, at the line where the mistake is, not where the parser gave up. */
class PlainSyntaxTest {
    private static LocatedFinding only(String text) {
        Analysis a = Analysis.of(text);
        assertTrue(a.form().isEmpty(), "the text does not read");
        assertEquals(1, a.problems().size(), a.problems().toString());
        return a.problems().get(0);
    }

    private static void plain(LocatedFinding f) {
        for (String jargon : new String[] {"while parsing", "flow mapping", "flow sequence", "marker", "Source",
            "REDACTED", "end-of-input"}) {
            assertFalse(f.message().contains(jargon), f.message());
        }
    }

    @Test
    void aMissingBraceInFlowYamlIsReportedWhereItWasOpened() {
        LocatedFinding f = only("executable:\n  kind: x\n  meta: {name: job\n  image:\n    locations: [a]\n"
                + "compute:\n  cores: 2\n");
        assertEquals(3, f.position().line(), f.message());
        assertEquals(9, f.position().column());
        assertTrue(f.message().startsWith("this '{' is never closed"), f.message());
        plain(f);
    }

    @Test
    void aMissingBracketIsReportedWhereItWasOpened() {
        LocatedFinding f = only("executable:\n  kind: x\n  image:\n    locations: [a, b\ncompute:\n  cores: 2\n");
        assertEquals(4, f.position().line(), f.message());
        assertTrue(f.message().startsWith("this '[' is never closed: add a ']'"), f.message());
        plain(f);
    }

    @Test
    void jsonThatEndsTooSoonSaysWhichBraceIsOpen() {
        LocatedFinding f = only("{\"executable\": {\"kind\": \"x\",\n \"meta\": {\"name\": \"job\"}\n");
        assertEquals(1, f.position().line(), f.message());
        assertTrue(f.message().contains("never closed") && f.message().contains("the text ends on line 3"),
                f.message());
        plain(f);
    }

    @Test
    void aCloserOfTheWrongShapeNamesTheOpenerItLeavesOpen() {
        LocatedFinding f = only("{\"executable\": {\"kind\": \"x\",\n \"meta\": [\"name\", \"job\"\n}}\n");
        assertEquals(2, f.position().line(), f.message());
        assertTrue(f.message().contains("a ']' is missing before the '}' on line 3"), f.message());
        plain(f);
    }

    @Test
    void aStrayCloserIsReportedWhereItStands() {
        LocatedFinding f = PlainSyntax.brackets("a: [1, 2]\nb: ]\n");
        assertEquals(2, f.position().line());
        assertTrue(f.message().startsWith("this ']' closes nothing"), f.message());
    }

    @Test
    void anUnclosedQuoteIsReportedWhereItStarts() {
        LocatedFinding f = only("executable:\n  kind: \"x\n  meta: 3\n");
        assertEquals(2, f.position().line());
        assertTrue(f.message().contains("quote is never closed"), f.message());
    }

    @Test
    void bracketsInPlainTextCommentsAndQuotesAreNotCounted() {
        assertNull(PlainSyntax.brackets("# a {comment\nname: it's {fine\ncmd: \"echo [\"\nx: a[1\n"));
    }

    @Test
    void otherMistakesAreSaidPlainlyWhereTheParserFoundThem() {
        LocatedFinding tab = only("executable:\n\tkind: x\n");
        assertTrue(tab.message().contains("tab") && tab.message().contains("spaces"), tab.message());
        LocatedFinding colon = only("executable:\n  kind: x\n   meta: 3\n");
        assertEquals(3, colon.position().line());
        assertTrue(colon.message().contains("indentation"), colon.message());
    }
}
