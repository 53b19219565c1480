package io.orrery.workbench.offers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.client.text.HumanTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the answers answer, in words, and when they no longer do. */
class CaptionTest {
    @Test
    void namesTheTaskAndTheTimeAndSaysWhenTheyNoLongerFit() {
        Caption c = new Caption();
        assertTrue(c.textProperty().get().startsWith("No answers yet"));
        c.stale("another task is open");
        assertFalse(c.staleProperty().get(), "nothing to dim before an ask");
        c.asked("11-32-cores-4-hours", Instant.parse("2026-12-01T14:02:10.123Z"));
        assertEquals("Answers to 11-32-cores-4-hours at 14:02:10 UTC", c.textProperty().get());
        c.stale("another task is open");
        assertTrue(c.staleProperty().get());
        assertEquals("Answers to 11-32-cores-4-hours at 14:02:10 UTC \u2014 another task is open: ask again",
                c.textProperty().get());
        c.timeProperty().set(HumanTime.named("+02:00"));
        assertTrue(c.textProperty().get().contains("at 16:02:10 +02:00"), c.textProperty().get());
        c.stale("");
        assertFalse(c.staleProperty().get(), "the text is back to what was asked");
        c.asked("other", Instant.parse("2026-12-01T15:00:00Z"));
        assertFalse(c.staleProperty().get());
    }
}
