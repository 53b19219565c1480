package io.orrery.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.CliRun;
import io.orrery.client.export.Columns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;

/** {@code orrery offers --format table|json|csv|votable}: the export writers on the command line, read back. */
class OffersExportCliTest extends TempConfigCliTest {
    private static final String[] ASK = {"offers", sample("11-32-cores-4-hours.yaml"), "--broker", "builtin:cloud",
        "--broker", "builtin:laptop"};

    private static CliRun ask(String... more) {
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(ASK), java.util.Arrays.stream(more))
                .toArray(String[]::new);
        CliRun r = run(args);
        assertEquals(0, r.code(), r.err() + r.out());
        return r;
    }

    private StarTable read(String text, String name, String format) throws Exception {
        Path file = config.resolve(name);
        Files.writeString(file, text);
        return new StarTableFactory(true).makeStarTable(file.toString(), format);
    }

    @Test
    void votableOutputParsesWithEveryOfferOfTheCloud() throws Exception {
        CliRun vot = ask("--format", "votable");
        assertTrue(vot.out().startsWith("<?xml"), vot.out());
        StarTable t = read(vot.out(), "offers.vot", "votable");
        assertEquals(Columns.ALL.size(), t.getColumnCount());
        assertTrue(t.getRowCount() >= 2, "the cloud's offers: " + t.getRowCount());
        int broker = Columns.ALL.indexOf(Columns.ALL.stream().filter(c -> c.name().equals("broker")).findFirst().get());
        int cores = Columns.ALL.indexOf(Columns.ALL.stream().filter(c -> c.name().equals("cores")).findFirst().get());
        for (long i = 0; i < t.getRowCount(); i++) {
            assertEquals("builtin:cloud", t.getCell(i, broker), "the laptop said NO to 32 cores");
            assertEquals(32L, t.getCell(i, cores));
        }
        assertTrue(vot.out().contains("<INFO name=\"broker\" value=\"builtin:laptop: NO\">"), vot.out());
        assertTrue(vot.out().contains("<INFO name=\"task\" value=\"parallel-job\""), vot.out());
    }

    @Test
    void csvOutputParsesAndJsonIsTheSameWithEitherOption() throws Exception {
        CliRun csv = ask("--format", "CSV");
        StarTable t = read(csv.out(), "offers.csv", "csv");
        assertEquals(Columns.ALL.size(), t.getColumnCount());
        assertEquals(csv.out().lines().count() - 1, t.getRowCount());
        assertEquals("builtin:cloud", t.getCell(0, 0));

        JsonMapper mapper = JsonMapper.builder().build();
        for (List<String> option : List.of(List.of("--json"), List.of("--format", "json"))) {
            JsonNode root = mapper.readTree(ask(option.toArray(String[]::new)).out());
            assertEquals(t.getRowCount(), root.path("offers").size(), option.toString());
            assertEquals("NO", root.path("brokers").get(1).path("result").asString(), option.toString());
            assertEquals(32, root.path("offers").get(0).path("cores").asInt(), option.toString());
        }
    }

    @Test
    void anUnknownOrContradictoryFormatIsAUsageError() {
        CliRun unknown = run(java.util.stream.Stream.concat(java.util.Arrays.stream(ASK), java.util.stream.Stream.of(
                "--format", "xlsx")).toArray(String[]::new));
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("--format takes table, json, csv or votable, not xlsx"), unknown.err());
        CliRun both = run(java.util.stream.Stream.concat(java.util.Arrays.stream(ASK), java.util.stream.Stream.of(
                "--json", "--format", "csv")).toArray(String[]::new));
        assertEquals(2, both.code());
        assertTrue(both.err().contains("--json and --format csv disagree"), both.err());
        assertTrue(ask().out().contains("Pareto-best"), "the table is still the default");
    }
}
