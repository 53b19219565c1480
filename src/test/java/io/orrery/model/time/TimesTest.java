package io.orrery.model.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.threeten.extra.Interval;

class TimesTest {
    private static final Instant NINE = Instant.parse("2026-09-01T09:00:00Z");

    @Test
    void everyIntervalFormReadsToTheSameWindow() {
        Interval want = Interval.of(NINE, Duration.ofHours(3));
        assertEquals(want, Times.interval("2026-09-01T09:00:00Z/2026-09-01T12:00:00Z"));
        assertEquals(want, Times.interval("2026-09-01T09:00:00Z/PT3H"));
        assertEquals(want, Times.interval("PT3H/2026-09-01T12:00:00Z"));
        assertEquals(want, Times.interval("2026-09-01T10:00:00+01:00/PT3H"));
    }

    @Test
    void aBareInstantIsAWindowOfNoLength() {
        assertEquals(Interval.of(NINE, NINE), Times.interval("2026-09-01T09:00:00Z"));
        assertEquals(NINE, Times.startOf("2026-09-01T09:00:00Z/PT0S"));
    }

    @Test
    void durationsIncludingDaysAndWeeks() {
        assertEquals(Duration.ofMinutes(90), Times.duration("PT90M"));
        assertEquals(Duration.ofHours(26), Times.duration("P1DT2H"));
        assertEquals(Duration.ofDays(14), Times.duration("P2W"));
    }

    @Test
    void mistakesSeenInTheWildAreExplained() {
        assertTrue(assertThrows(TimeFormatException.class, () -> Times.duration("P1H")).getMessage()
                .contains("write PT1H"));
        assertTrue(assertThrows(TimeFormatException.class, () -> Times.duration("P1D2H")).getMessage()
                .contains("write P1DT2H"));
        assertTrue(assertThrows(TimeFormatException.class, () -> Times.duration("P1M")).getMessage()
                .contains("no fixed length"));
        assertTrue(assertThrows(TimeFormatException.class, () -> Times.interval("2026-09-01/PT2H")).getMessage()
                .contains("date without a time"));
        assertTrue(assertThrows(TimeFormatException.class, () -> Times.instant("2026-09-01T09:00:00")).getMessage()
                .contains("no time zone"));
        assertTrue(assertThrows(TimeFormatException.class, () -> Times.interval("PT1H/PT2H")).getMessage()
                .contains("two durations"));
        assertTrue(assertThrows(TimeFormatException.class,
                () -> Times.interval("2026-09-01T12:00:00Z/2026-09-01T09:00:00Z")).getMessage().contains("before it starts"));
    }
}
