package io.orrery.workbench.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Fixtures;
import io.orrery.client.Credentials;
import io.orrery.client.ShiftedClock;
import io.orrery.workbench.brokers.BrokersViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

class ShowAsTest {
    private static final String TEXT = Fixtures.DOCKER;

    private static final List<ShowAs.Target> REMOTE = List.of(new ShowAs.Target("b", "http://b"));

    @Test
    void everyGenerationJsonAndTheCommands() {
        assertEquals(8, ShowAs.choices().size(), "five generations of YAML, JSON and two commands");
        assertTrue(ShowAs.render(TEXT, "YAML, 2025-04", null, REMOTE).contains("type: https://www.purl.org/ivoa.net/EB/schema/types/executables/"));
        assertTrue(ShowAs.render(TEXT, "JSON", null, REMOTE).startsWith("{"));
        assertEquals("./orrery validate /t/x.yaml\n./orrery offers /t/x.yaml \\\n    --broker http://b\n"
                        + "./orrery accept 1    # the offer numbered 1 in that listing (or its URL)\n./orrery watch 1\n",
                ShowAs.render(TEXT, "./orrery command", Path.of("/t/x.yaml"), REMOTE));
        assertTrue(ShowAs.render(TEXT, "curl command", Path.of("/t/x.yaml"), REMOTE).contains("@/t/x.yaml http://b/requests"));
        assertTrue(ShowAs.render("a: [", "JSON", null, REMOTE).startsWith("# the text cannot be read"));
        assertEquals("'/t/my task.yaml'", ShowAs.quote("/t/my task.yaml"));
    }

    /** The commands name the brokers checked in the Brokers panel, built-in ones as builtin:NAME, and no other. */
    @Test
    void theCommandsSendTheTaskToTheCheckedBrokers(@TempDir Path config) throws Exception {
        try (BrokersViewModel brokers = new BrokersViewModel(config, new ShiftedClock(Clock.systemUTC(), Duration.ZERO))) {
            brokers.show(brokers.add("site", "https://eb.example.org/api/", Credentials.NONE));
            brokers.entries().forEach(e -> e.checkedProperty().set(!e.name().equals("builtin:laptop")
                    && !e.name().equals("builtin:budget")));
            Path file = Path.of("/t/x.yaml");
            String orrery = ShowAs.render(TEXT, "./orrery command", file, ShowAs.of(brokers.checked()));
            List<String> asked = orrery.lines().filter(l -> l.contains("--broker"))
                    .map(l -> l.replaceAll(".*--broker ", "").replace(" \\", "")).toList();
            assertEquals(List.of("builtin:green-hpc", "builtin:cloud", "https://eb.example.org/api/"), asked, orrery);
            assertFalse(orrery.contains("127.0.0.1:8080"), orrery);
            String curl = ShowAs.render(TEXT, "curl command", file, ShowAs.of(brokers.checked()));
            assertTrue(curl.contains("./orrery serve --platform green-hpc --port 8080 &")
                    && curl.contains("./orrery serve --platform cloud --port 8081 &"), curl);
            assertTrue(curl.contains("@/t/x.yaml http://127.0.0.1:8080/requests")
                    && curl.contains("@/t/x.yaml http://127.0.0.1:8081/requests")
                    && curl.contains("@/t/x.yaml https://eb.example.org/api/requests"), curl);
            assertFalse(curl.contains("laptop") || curl.contains("budget"), curl);
            brokers.entries().forEach(e -> e.checkedProperty().set(false));
            assertTrue(ShowAs.render(TEXT, "./orrery command", file, ShowAs.of(brokers.checked()))
                    .startsWith("# no broker is checked in the Brokers panel"));
        }
    }

    @Test
    void aPickedStartWindowIsAnIsoInterval() {
        assertEquals(java.util.Optional.of("2027-03-01T09:30:00Z/PT3H"),
                StartPicker.compose(java.time.LocalDate.of(2027, 3, 1), "09:30", "PT3H"));
        assertTrue(StartPicker.compose(java.time.LocalDate.of(2027, 3, 1), "9h", "PT3H").isEmpty());
    }
}
