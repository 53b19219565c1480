package io.orrery.workbench.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ShowAsTest {
    private static final String TEXT = Fixtures.DOCKER;

    @Test
    void everyGenerationJsonAndTheCommands() {
        assertEquals(8, ShowAs.choices().size(), "five generations of YAML, JSON and two commands");
        assertTrue(ShowAs.render(TEXT, "YAML, 2025-04", null, "http://b").contains("type: https://www.purl.org/ivoa.net/EB/schema/types/executables/"));
        assertTrue(ShowAs.render(TEXT, "JSON", null, "http://b").startsWith("{"));
        assertEquals("./orrery validate /t/x.yaml\n./orrery offers /t/x.yaml --broker http://b\n",
                ShowAs.render(TEXT, "./orrery command", Path.of("/t/x.yaml"), "http://b"));
        assertTrue(ShowAs.render(TEXT, "curl command", Path.of("/t/x.yaml"), "http://b").contains("@/t/x.yaml http://b/requests"));
        assertTrue(ShowAs.render("a: [", "JSON", null, "http://b").startsWith("# the text cannot be read"));
    }

    @Test
    void aPickedStartWindowIsAnIsoInterval() {
        assertEquals(java.util.Optional.of("2027-03-01T09:30:00Z/PT3H"),
                StartPicker.compose(java.time.LocalDate.of(2027, 3, 1), "09:30", "PT3H"));
        assertTrue(StartPicker.compose(java.time.LocalDate.of(2027, 3, 1), "9h", "PT3H").isEmpty());
    }
}
