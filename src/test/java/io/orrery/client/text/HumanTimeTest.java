package io.orrery.client.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Durations, instants and zones as people read them, the same in the window and on the command line. */
class HumanTimeTest {
    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource({
        "PT3H20M36S, 3 h 20 min",
        "PT1440H, 60 d",
        "PT45S, 45 s",
        "PT0S, 0 s",
        "PT0.2S, under 1 s",
        "PT1H, 1 h",
        "PT1H0M30S, 1 h",
        "PT90M, 1 h 30 min",
        "P2DT4H, 2 d 4 h",
        "P2DT0H5M, 2 d",
        "PT5M7S, 5 min 7 s",
        "-PT5M, -5 min",
    })
    void durations(String iso, String human) {
        assertEquals(human, HumanTime.duration(Duration.parse(iso)));
    }

    @Test
    void noDurationIsADash() {
        assertEquals("-", HumanTime.duration(null));
    }

    @Test
    void instantsAreToTheSecondInUtcWithoutNanoseconds() {
        Instant t = Instant.parse("2026-12-01T07:40:46.792356143Z");
        assertEquals("2026-12-01 07:40:46 UTC", HumanTime.UTC.instant(t));
        assertEquals("07:40:46 UTC", HumanTime.UTC.timeOfDay(t));
        assertEquals("12-01 07:40:46", HumanTime.UTC.compact(t));
        assertEquals("-", HumanTime.UTC.instant(null));
    }

    @Test
    void aZoneSettingShowsLocalTimeWithTheZonesName() {
        Instant t = Instant.parse("2026-07-01T12:00:00Z");
        HumanTime madrid = HumanTime.named("Europe/Madrid");
        assertEquals(ZoneId.of("Europe/Madrid"), madrid.zone());
        assertEquals("2026-07-01 14:00:00 Europe/Madrid", madrid.instant(t), "summer time: two hours ahead");
        assertEquals("2026-07-01 09:30:00 -02:30", HumanTime.named("-02:30").instant(t));
        assertEquals(ZoneId.systemDefault().normalized(), HumanTime.named("local").zone().normalized());
    }

    @Test
    void blankOrUnknownZonesAreUtc() {
        assertSame(HumanTime.UTC, HumanTime.named(null));
        assertSame(HumanTime.UTC, HumanTime.named(" "));
        assertSame(HumanTime.UTC, HumanTime.named("Mars/Olympus_Mons"));
        assertSame(HumanTime.UTC, HumanTime.named("UTC"));
        assertSame(HumanTime.UTC, HumanTime.named("Z"));
    }

    @Test
    void relativeTimesAndCountdowns() {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        assertEquals("in 3 h 20 min", HumanTime.relative(now, now.plus(Duration.ofMinutes(200))));
        assertEquals("2 min ago", HumanTime.relative(now, now.minus(Duration.ofMinutes(2))));
        assertEquals("1:05", HumanTime.countdown(Duration.ofSeconds(65)));
        assertEquals("2:00:00", HumanTime.countdown(Duration.ofHours(2)));
        assertEquals("0:00", HumanTime.countdown(Duration.ofSeconds(-4)));
        assertEquals("3 d 4 h", HumanTime.countdown(Duration.ofHours(76)));
    }

    @Test
    void brokerTextsReadInHumanTimes() {
        assertEquals("Earliest start after your window: 2027-03-01 13:00:00 UTC",
                HumanTime.UTC.humanize("Earliest start after your window: 2027-03-01T13:00:00Z"));
        assertEquals("Preparation here needs 1 h 32 min (staging cube takes 1 h 32 min)",
                HumanTime.UTC.humanize("Preparation here needs PT1H32M38S (staging cube takes PT1H32M38S)"));
        assertEquals("expired at 2026-12-01 07:40:46 UTC; runs 60 d",
                HumanTime.UTC.humanize("expired at 2026-12-01T07:40:46.792356143Z; runs PT1440H"));
        assertEquals("a PHP page, PT, P1 and Pluto stay", HumanTime.UTC.humanize("a PHP page, PT, P1 and Pluto stay"));
    }
}
