package io.orrery.model.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.orrery.model.check.Position;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Texts at the reader's edges: size, line length, JSON read as YAML, scalar documents, parser messages. */
class SourceReaderTest {
    private static final String TOO_LONG = "line 2 has 66561 characters; YAML lines of more than 66560 are refused (a"
            + " value may have 65536)";

    @Test
    void aTextOfExactlyMaxCharsIsRead() {
        String text = "{\"x\": \"" + "a".repeat(SourceReader.MAX_CHARS - 9) + "\"}";
        assertEquals(SourceReader.MAX_CHARS, text.length());
        assertEquals(SourceReader.MAX_CHARS - 9, SourceReader.read(text, Format.JSON).get(0).tree().get("x")
                .asString().length());
    }

    @Test
    void aYamlLineMayHaveMaxLineCharacters() {
        String line = "x: " + "b".repeat(SourceReader.MAX_LINE - 3);
        assertEquals(SourceReader.MAX_LINE - 3, SourceReader.read("a: 1\n" + line + "\n", Format.YAML).get(0).tree()
                .get("x").asString().length());
        SyntaxException e = assertThrows(SyntaxException.class,
                () -> SourceReader.read("a: 1\n" + line + "b\nc: 2\n", Format.YAML));
        assertEquals(TOO_LONG, e.getMessage());
        assertEquals(new Position(2, 1), e.position());
    }

    @Test
    void aLongLastLineWithoutNewlineIsRefusedToo() {
        String line = "x: " + "b".repeat(SourceReader.MAX_LINE - 2);
        SyntaxException e = assertThrows(SyntaxException.class, () -> SourceReader.read("a: 1\n" + line, Format.YAML));
        assertEquals(TOO_LONG, e.getMessage());
    }

    @Test
    void yamlThatIsJsonIsReadAsJsonWhateverItsLineLength() {
        String value = "c".repeat(SourceReader.MAX_LINE);
        List<SourceDocument> object = SourceReader.read("\n  {\"x\": \"" + value + "\", \"n\": [1]}", Format.YAML);
        assertEquals(value, object.get(0).tree().get("x").asString());
        assertEquals(new Position(2, 3), object.get(0).positionOf(""));
        assertEquals("[[1,true],{\"a\":\"" + value + "\"}]",
                SourceReader.read("[[1, true], {\"a\": \"" + value + "\"}]", Format.YAML).get(0).tree().toString());
    }

    @Test
    void blankTextHoldsNoDocument() {
        for (Format f : Format.values()) {
            SyntaxException e = assertThrows(SyntaxException.class, () -> SourceReader.read(" \n  ", f));
            assertEquals("the file holds no document", e.getMessage());
            assertEquals(Position.START, e.position());
        }
    }

    @Test
    void yamlFlowStyleFallsBackToTheYamlParser() {
        assertEquals("{\"kind\":\"x\",\"n\":[1,2.5,null,false]}",
                SourceReader.read("{kind: x, n: [1, 2.5, null, false]}", Format.YAML).get(0).tree().toString());
    }

    @Test
    void jsonNestedTooDeeplyInYamlIsRefusedAsALimit() {
        String deep = "[".repeat(SourceReader.MAX_DEPTH + 1) + "]".repeat(SourceReader.MAX_DEPTH + 1);
        SyntaxException e = assertThrows(SyntaxException.class, () -> SourceReader.read(deep, Format.YAML));
        assertEquals("nesting deeper than 64 levels (or a value over the size limit); refused", e.getMessage());
    }

    @Test
    void scalarDocumentsEndWhereTheyStand() {
        List<SourceDocument> docs = SourceReader.read("5\n---\nx: 1\n---\n\"text\"\n", Format.YAML);
        assertEquals(List.of("5", "{\"x\":1}", "\"text\""), docs.stream().map(d -> d.tree().toString()).toList());
        assertEquals(new Position(3, 1), docs.get(1).positionOf(""));
    }

    @Test
    void numbersKeepTheirSize() {
        var tree = SourceReader.read("{\"i\": 7, \"l\": 12345678901, \"b\": 123456789012345678901234567890}",
                Format.JSON).get(0).tree();
        assertEquals(7, tree.get("i").intValue());
        assertEquals(12345678901L, tree.get("l").longValue());
        assertEquals("123456789012345678901234567890", tree.get("b").bigIntegerValue().toString());
    }

    @Test
    void yamlBinaryIsKeptAsBytes() {
        var tree = SourceReader.read("b: !!binary aGVsbG8=\n", Format.YAML).get(0).tree();
        assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), tree.get("b").binaryValue());
    }

    @Test
    void firstLineDropsSnakeyamlsExcerptsAndJoinsTheRest() {
        assertEquals("unreadable text", SourceReader.firstLine(null));
        assertEquals("while parsing a flow sequence; expected ',' or ']', but got <block end>",
                SourceReader.firstLine("  while parsing a flow sequence\n in reader, line 1, column 4:\n"
                        + "    a: [1, 2\n       ^\n\nexpected ',' or ']', but got <block end>\n at [Source: x]"));
        assertEquals("one line", SourceReader.firstLine("one line"));
        assertEquals("", SourceReader.firstLine("   "));
    }

    @Test
    void firstLineStopsAfter160Characters() {
        String a = "a".repeat(100);
        String b = "b".repeat(61);
        assertEquals(a + "; " + b, SourceReader.firstLine(a + "\n" + b + "\nc"));
        String b2 = "b".repeat(58);
        assertEquals(a + "; " + b2 + "; c", SourceReader.firstLine(a + "\n" + b2 + "\nc"));
    }

    @Test
    void aMessageOfExcerptsOnlyIsKeptWhole() {
        assertEquals("in reader, line 1", SourceReader.firstLine("in reader, line 1"));
        assertEquals("at [Source: x]\n    y", SourceReader.firstLine("at [Source: x]\n    y"));
    }

    @Test
    void aSyntaxErrorSaysWhereAndWhat() {
        SyntaxException e = assertThrows(SyntaxException.class, () -> SourceReader.read("a: [1, 2\nb: 3\n", Format.YAML));
        assertEquals(2, e.position().line());
        assertEquals("while parsing a flow sequence; expected ',' or ']', but got :", e.getMessage());
    }
}
