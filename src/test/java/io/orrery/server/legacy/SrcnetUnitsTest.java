package io.orrery.server.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SrcnetUnitsTest {
    @Test
    void srcnetUnitsAreASetting() {
        assertEquals(SrcnetUnits.DEFAULT, SrcnetUnits.parse(null));
        SrcnetUnits u = SrcnetUnits.parse("memory=MB, runtime=minutes");
        assertEquals("M", u.memory());
        assertEquals("m", u.runtime());
        assertEquals("G", u.data());
        assertEquals(u, SrcnetUnits.parse(u.text()), "what GET / shows reads back");
        assertThrows(IllegalArgumentException.class, () -> SrcnetUnits.parse("memory=parsecs"));
        assertThrows(IllegalArgumentException.class, () -> SrcnetUnits.parse("speed=h"));
    }
}
