package io.orrery.workbench.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The file names the Export menu proposes, and the extension added to a name typed without one. */
class ExportNamesTest {
    @Test
    void namesSayTheTaskAndWhatTheFileHolds() {
        assertEquals("parallel-job-offers.vot", ExportNames.file("parallel-job", "offers", "vot"));
        assertEquals("orrery-timeline.png", ExportNames.file(null, "timeline", "png"));
        assertEquals("my-task-2-trade-off-plot.png", ExportNames.file("My Task #2", "trade-off plot", "png"));
        assertEquals("etc-passwd-offers.csv", ExportNames.file("../../etc/passwd", "offers", "csv"),
                "never a folder in the name");
    }

    @Test
    void anExtensionIsAddedOnlyWhereTheNameHasNone() {
        assertEquals("offers.csv", ExportNames.withExtension("offers", "csv"));
        assertEquals("offers.txt", ExportNames.withExtension("offers.txt", "csv"));
        assertEquals(".hidden.csv", ExportNames.withExtension(".hidden", "csv"));
    }
}
