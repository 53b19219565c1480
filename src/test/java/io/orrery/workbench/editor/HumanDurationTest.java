package io.orrery.workbench.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Durations typed the way people write them become the ISO-8601 the task needs; bad ones say how to write them. */
class HumanDurationTest {
    @ParameterizedTest
    @CsvSource({"3h, PT3H", "90m, PT1H30M", "1d 2h, P1DT2H", "1h30m, PT1H30M", "2 h 30 min, PT2H30M",
        "1.5h, PT1H30M", "45s, PT45S", "1w, P7D", "2 hours and 15 minutes, PT2H15M", "36h, P1DT12H",
        "PT3H, PT3H", "pt90m, PT90M", "P1DT2H, P1DT2H", "0m, PT0S"})
    void humanTextIsWrittenAsIso(String typed, String iso) {
        assertEquals(iso, HumanDuration.iso(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3 hours-ish", "soon", "3", "h3", "3x", "P1H", "3h tomorrow", ""})
    void badTextSaysHowToWriteIt(String typed) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HumanDuration.iso(typed));
        assertTrue(e.getMessage().contains("3h") || e.getMessage().contains("PT") || e.getMessage().contains("unit"),
                e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"2027-03-01T09:00:00Z/3h, 2027-03-01T09:00:00Z/PT3H",
        "2027-03-01T09:00:00Z/2027-03-01T12:00:00Z, 2027-03-01T09:00:00Z/2027-03-01T12:00:00Z",
        "1d/2027-03-02T00:00:00Z, P1D/2027-03-02T00:00:00Z"})
    void startWindowsTakeHumanDurationsToo(String typed, String iso) {
        assertEquals(iso, HumanDuration.interval(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomorrow", "2027-03-01/3h", "2027-03-01T09:00:00Z/soon"})
    void unreadableWindowsAreRefusedWithTheReason(String typed) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HumanDuration.interval(typed));
        assertTrue(e.getMessage().contains("'"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"PT3H, 3h", "P1DT2H, 1d 2h", "PT1H30M, 1h 30m", "PT0S, 0s"})
    void durationsAreShownAsTyped(String iso, String typed) {
        assertEquals(typed, HumanDuration.typed(Duration.parse(iso)));
        assertEquals(Duration.parse(iso), Duration.parse(HumanDuration.iso(typed)));
    }
}
