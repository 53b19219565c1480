package io.orrery.workbench.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crash copy: kept, found with a time a person reads, and forgotten. */
class RecoveryTest {
    @TempDir
    Path dir;

    @Test
    void aCopyIsFoundWithAHumanTimeAndForgotten() throws Exception {
        Recovery r = new Recovery(dir);
        assertTrue(r.find().isEmpty());
        r.keep("text: 1\n", dir.resolve("a.yaml"));
        Recovery.Buffer b = r.find().orElseThrow();
        assertEquals("text: 1\n", b.text());
        assertEquals(dir.resolve("a.yaml").toAbsolutePath(), b.file());
        assertTrue(b.whenText().matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC"), b.whenText());
        r.clear();
        assertTrue(r.find().isEmpty());
    }

    @Test
    void theTimeIsToTheSecondInUtc() {
        Recovery.Buffer b = new Recovery.Buffer("", null, Instant.parse("2026-12-01T07:40:46.792356143Z"));
        assertEquals("2026-12-01 07:40:46 UTC", b.whenText());
    }
}
