package io.orrery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Text that arrives in pieces cut anywhere, even inside a character, reads as it was written. */
class Utf8TextTest {
    @Test
    void charactersSplitBetweenPiecesAreKeptWhole() {
        String text = "ünïcödé → 日本語 🚀 done\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= bytes.length; cut++) {
            Utf8Text t = new Utf8Text();
            String read = t.feed(Arrays.copyOfRange(bytes, 0, cut)) + t.feed(Arrays.copyOfRange(bytes, cut, bytes.length))
                    + t.finish();
            assertEquals(text, read, "cut at byte " + cut);
        }
    }

    @Test
    void aCharacterCutShortAtTheEndReadsAsAReplacement() {
        Utf8Text t = new Utf8Text();
        assertEquals("a", t.feed(new byte[] {'a', (byte) 0xe2, (byte) 0x86}));
        assertEquals("\ufffd", t.finish());
        assertEquals("\ufffdb", new Utf8Text().feed(new byte[] {(byte) 0xff, 'b'}));
    }
}
