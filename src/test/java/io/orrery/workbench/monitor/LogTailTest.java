package io.orrery.workbench.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The end of a log as text: decoded across reads, kept bounded, never doubled by a late answer. */
class LogTailTest {
    private final List<String> heard = new ArrayList<>();

    private LogTail tail(int keep) {
        LogTail t = new LogTail("stdout", keep);
        t.listen(new LogTail.Listener() {
            @Override
            public void appended(String piece) {
                heard.add("+" + piece);
            }

            @Override
            public void replaced(String all) {
                heard.add("=" + all);
            }
        });
        return t;
    }

    @Test
    void aCharacterSplitBetweenTwoReadsIsJoined() {
        LogTail t = tail(100);
        byte[] b = "λx\n".getBytes(StandardCharsets.UTF_8);
        t.add(0, Arrays.copyOf(b, 1), true);
        t.add(1, Arrays.copyOfRange(b, 1, b.length), true);
        assertEquals("λx\n", t.text());
        assertEquals(List.of("+λx\n"), heard, "nothing half-decoded was shown");
        assertEquals(b.length, t.offset());
    }

    @Test
    void pastItsLimitTheOldestTextIsDroppedAndCounted() {
        LogTail t = tail(8);
        t.add(0, "abcdef".getBytes(StandardCharsets.UTF_8), true);
        t.add(6, "ghij".getBytes(StandardCharsets.UTF_8), true);
        assertEquals("efghij", t.text(), "down to three quarters of the limit");
        assertEquals(4, t.skipped());
        assertEquals(List.of("+abcdef", "=efghij"), heard, "the whole text is shown again once its start is gone");
    }

    @Test
    void aReadFromAnotherOffsetIsIgnoredAndAnEmptyEndCompletesIt() {
        LogTail t = tail(100);
        t.add(0, "one\n".getBytes(StandardCharsets.UTF_8), true);
        t.add(0, "one\n".getBytes(StandardCharsets.UTF_8), true);
        assertEquals("one\n", t.text(), "the same answer twice is taken once");
        t.add(4, new byte[0], true);
        assertFalse(t.complete());
        t.add(4, new byte[0], false);
        assertTrue(t.complete());
        t.reset(10);
        assertEquals("", t.text());
        assertEquals(10, t.offset());
        assertEquals(10, t.skipped());
        assertFalse(t.complete());
    }
}
