package io.orrery.model.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Hostile texts are refused with a clear message and a position, never a stack overflow or a hang. */
class SourceLimitsTest {

    @Test
    void deepNestingIsRefused() {
        String deep = "a: ".repeat(0) + "[".repeat(100_000) + "]".repeat(100_000);
        for (Format f : Format.values()) {
            SyntaxException e = assertThrows(SyntaxException.class, () -> WireCodec.readAll(deep, f));
            assertTrue(e.getMessage().contains("nesting deeper than 64"), e.getMessage());
        }
    }

    @Test
    void aliasBombIsRefusedAtTheFirstAlias() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char prev = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [");
            bomb.append(("*" + prev + ",").repeat(8)).append("*").append(prev).append("]\n");
        }
        SyntaxException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(SyntaxException.class, () -> WireCodec.readAll(bomb.toString(), Format.YAML)));
        assertTrue(e.getMessage().contains("YAML alias '*a' is not allowed"), e.getMessage());
        assertEquals(2, e.position().line());
    }

    @Test
    void oversizedTextIsRefused() {
        String big = "x: \"" + "a".repeat(SourceReader.MAX_CHARS) + "\"\n";
        SyntaxException e = assertThrows(SyntaxException.class, () -> WireCodec.readAll(big, Format.YAML));
        assertTrue(e.getMessage().contains("larger than 4 MiB"), e.getMessage());
    }

    @Test
    void duplicateKeysAreRefusedWithTheirPosition() {
        SyntaxException e = assertThrows(SyntaxException.class,
                () -> WireCodec.readAll("executable: {}\ncompute: {}\nexecutable: {}\n", Format.YAML));
        assertTrue(e.getMessage().contains("executable"), e.getMessage());
        assertEquals(3, e.position().line());
    }

    @Test
    void emptyTextIsRefused() {
        SyntaxException e = assertThrows(SyntaxException.class, () -> WireCodec.readAll("# nothing\n", Format.YAML));
        assertTrue(e.getMessage().contains("no document"), e.getMessage());
    }
}
