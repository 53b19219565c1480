package io.orrery.model.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

class UnitsTest {
    private static final JsonNodeFactory N = JsonNodeFactory.instance;

    private static JsonNode t(String s) {
        return N.stringNode(s);
    }

    @Test
    void memoryWithSuffixesIsReadInGib() {
        assertEquals(8, Units.gib(t("8G"), "G", true, "m"));
        assertEquals(8, Units.gib(t("8Gi"), "G", true, "m"));
        assertEquals(8, Units.gib(t("8 GB"), "G", true, "m"));
        assertEquals(1, Units.gib(t("512M"), "G", true, "m"), "a least amount is rounded up");
        assertEquals(0, Units.gib(t("512M"), "G", false, "m"), "a most amount is rounded down");
        assertEquals(2048, Units.gib(t("2T"), "G", true, "m"));
        assertEquals(1, Units.gib(t("1048576K"), "G", true, "m"));
        assertEquals(196, Units.gib(N.numberNode(196), "G", true, "m"), "a bare number is in the given unit");
        assertEquals(1, Units.gib(N.numberNode(1024), "M", true, "m"));
        assertEquals(3, Units.gib(t("3"), "G", true, "m"));
    }

    @Test
    void durationsShortAndIso() {
        assertEquals(Duration.ofMinutes(10), Units.duration(t("10m"), "m", "d"));
        assertEquals(Duration.ofHours(2), Units.duration(t("2h"), "m", "d"));
        assertEquals(Duration.ofDays(1), Units.duration(t("1d"), "m", "d"));
        assertEquals(Duration.ofSeconds(90), Units.duration(t("90s"), "m", "d"));
        assertEquals(Duration.ofMinutes(90), Units.duration(t("1.5h"), "m", "d"));
        assertEquals(Duration.ofHours(2), Units.duration(t("PT2H"), "m", "d"));
        assertEquals(Duration.ofHours(2), Units.duration(t("pt2h"), "m", "d"));
        assertEquals(Duration.ofHours(72), Units.duration(N.numberNode(72), "h", "d"), "SRCNet runtime in hours");
        assertEquals(Duration.ofMinutes(10), Units.duration(t("10"), "m", "d"));
    }

    @Test
    void nonsenseIsRefusedNamingTheField() {
        LegacyBodyException e = assertThrows(LegacyBodyException.class, () -> Units.gib(t("lots"), "G", true, "x.mem"));
        assertEquals("x.mem", e.field());
        assertThrows(LegacyBodyException.class, () -> Units.gib(N.numberNode(-1), "G", true, "m"));
        assertThrows(LegacyBodyException.class, () -> Units.gib(N.numberNode(new java.math.BigDecimal("1e999999999")),
                "G", true, "m"), "too large to be a size, refused before any arithmetic");
        assertThrows(LegacyBodyException.class, () -> Units.duration(t("10 fortnights"), "m", "d"));
        assertThrows(LegacyBodyException.class, () -> Units.duration(t("P1M"), "m", "d"), "months have no length");
        assertThrows(LegacyBodyException.class, () -> Units.duration(N.booleanNode(true), "m", "d"));
        assertThrows(LegacyBodyException.class, () -> Units.count(t("1e30"), "c"));
        assertTrue(Units.count(t("2.5"), "c") == 3, "part of a core is a core");
    }
}
