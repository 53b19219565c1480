package io.orrery.client.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Fixtures;
import io.orrery.broker.clock.VirtualClock;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.client.LocalBroker;
import io.orrery.client.Outcome;
import io.orrery.client.compare.Comparison;
import io.orrery.client.compare.OfferRow;
import io.orrery.client.compare.Rank;
import io.orrery.model.ExecutionRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;

/**
 * The comparison of real built-in brokers (cloud and green-hpc say YES to a GPU task, the laptop NO) written as
 * CSV, JSON and VOTable, and read back: the VOTable and the CSV by STIL (TOPCAT's table library), the JSON by
 * Jackson, with the same rows, values, units and UCDs, and a hostile flag text surviving every escape.
 */
class ExportWritersTest {
    private static final Instant T0 = Instant.parse("2027-02-28T12:00:00Z");
    /** Everything CSV and XML must escape, and a control character XML 1.0 cannot hold. */
    private static final String HOSTILE = "say \"hi\", <b>&amp;</b> ]]> 'x'\nnext line\u0001end";

    @TempDir
    static Path dir;

    private static ExportTable table;

    @BeforeAll
    static void ask() throws Exception {
        VirtualClock clock = new VirtualClock(T0);
        ExecutionRequest gpu = Fixtures.sample("13-gpu-extension.yaml");
        List<Outcome> outcomes = new ArrayList<>();
        for (String p : List.of("cloud", "green-hpc", "laptop")) {
            try (LocalBroker b = new LocalBroker("builtin:" + p, PlatformCatalog.find(p).orElseThrow(), clock)) {
                outcomes.add(b.ask(gpu).get(10, TimeUnit.SECONDS));
            }
        }
        List<OfferRow> rows = Comparison.of(gpu, outcomes, T0, Rank.EARLIEST_START);
        OfferRow first = rows.get(0);
        // the first offer is judged a minute after its expiry on its broker's clock: EXPIRED; the others now
        table = ExportTable.of("cuda-training", T0, rows, outcomes,
                b -> b.equals(first.broker()) ? first.expires().plusSeconds(60) : T0,
                r -> r == first ? List.of(HOSTILE, "second flag") : r.flags());
    }

    private static Column column(String name) {
        return Columns.ALL.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theTableHoldsEveryOfferWithItsGpusStateAndRanges() {
        assertTrue(table.rows().size() >= 4, "offers of two brokers: " + table.rows().size());
        assertEquals(3, table.answers().size());
        String late = table.rows().get(0).offer().broker();
        for (ExportRow r : table.rows()) {
            assertEquals(r.offer().broker().equals(late) ? "EXPIRED" : "OFFERED", r.state(), r.toString());
        }
        assertTrue(table.rows().stream().anyMatch(r -> r.state().equals("OFFERED")), "two brokers' offers");
        for (ExportRow r : table.rows()) {
            assertEquals(1L, r.gpus(), r.toString());
            assertTrue(r.gpuModel().endsWith("nvidia-a100"), r.gpuModel());
            assertTrue(r.cores() >= 8 && r.memory() >= 32, r.toString());
            double low = (Double) column("costMin").of(r);
            double high = (Double) column("costMax").of(r);
            assertTrue(low > 0 && low <= high, low + " " + high);
        }
    }

    @Test
    void theVoTableReadsBackInStilWithTypesUnitsUcdsAndValues() throws Exception {
        Path file = dir.resolve("offers.vot");
        Files.writeString(file, ExportFormat.VOTABLE.text(table));
        StarTable t = new StarTableFactory(true).makeStarTable(file.toString(), "votable");
        assertEquals(Columns.ALL.size(), t.getColumnCount());
        assertEquals(table.rows().size(), t.getRowCount());
        for (int i = 0; i < Columns.ALL.size(); i++) {
            Column c = Columns.ALL.get(i);
            ColumnInfo info = t.getColumnInfo(i);
            assertEquals(c.name(), info.getName());
            assertEquals(c.unit(), info.getUnitString(), c.name());
            assertEquals(c.ucd(), info.getUCD(), c.name());
            assertEquals(c.description(), info.getDescription(), c.name());
            Class<?> expected = switch (c.type()) {
                case TEXT, INSTANT -> String.class;
                case INTEGER, SECONDS -> Long.class;
                case REAL -> Double.class;
                case BOOLEAN -> Boolean.class;
            };
            assertEquals(expected, info.getContentClass(), c.name());
        }
        assertEquals("timestamp", t.getColumnInfo(index("start")).getXtype());
        for (int row = 0; row < table.rows().size(); row++) {
            Object[] cells = t.getRow(row);
            ExportRow r = table.rows().get(row);
            for (int i = 0; i < Columns.ALL.size(); i++) {
                Column c = Columns.ALL.get(i);
                Object want = c.of(r);
                Object got = cells[i];
                if (c.name().equals("flags") && row == 0) {
                    assertEquals("say \"hi\", <b>&amp;</b> ]]> 'x'\nnext line\uFFFDend; second flag", got);
                } else if (want == null) {
                    assertTrue(got == null || got instanceof Double d && d.isNaN(), c.name() + ": " + got);
                } else {
                    assertEquals(want instanceof Instant ? want.toString() : want, got, c.name() + " of row " + row);
                }
            }
        }
        String text = Files.readString(file);
        assertTrue(text.contains("<INFO name=\"broker\" value=\"builtin:laptop: NO\">"), text);
        assertTrue(text.contains("<TIMESYS ID=\"utc\" timescale=\"UTC\" refposition=\"TOPOCENTER\""), text);
    }

    @Test
    void theCsvReadsBackInStilWithTheSameCells() throws Exception {
        Path file = dir.resolve("offers.csv");
        Files.writeString(file, ExportFormat.CSV.text(table));
        String text = Files.readString(file);
        assertTrue(text.startsWith(String.join(",", Columns.ALL.stream().map(Column::name).toList()) + "\r\n"), text);
        StarTable t = new StarTableFactory(true).makeStarTable(file.toString(), "csv");
        assertEquals(Columns.ALL.size(), t.getColumnCount());
        assertEquals(table.rows().size(), t.getRowCount());
        for (int row = 0; row < table.rows().size(); row++) {
            Object[] cells = t.getRow(row);
            ExportRow r = table.rows().get(row);
            assertEquals(r.offer().broker(), cells[index("broker")]);
            assertEquals(r.offer().url(), cells[index("url")]);
            assertEquals(r.state(), cells[index("state")]);
            assertEquals(((Number) column("cores").of(r)).longValue(), ((Number) cells[index("cores")]).longValue());
            assertEquals((Double) column("costMax").of(r), ((Number) cells[index("costMax")]).doubleValue(), 1e-5,
                    "STIL reads short decimals as 32-bit floats");
            assertEquals(r.offer().duration().toSeconds(), ((Number) cells[index("duration")]).longValue());
            assertEquals(r.offer().paretoBest(), cells[index("paretoBest")]);
        }
        assertEquals(HOSTILE + "; second flag", t.getRow(0)[index("flags")]);
        assertEquals(CsvWriter.field(HOSTILE), "\"say \"\"hi\"\", <b>&amp;</b> ]]> 'x'\nnext line\u0001end\"");
    }

    @Test
    void theJsonHoldsTheColumnsTheOffersAndEveryBrokersAnswer() throws Exception {
        Path file = dir.resolve("offers.json");
        Files.writeString(file, ExportFormat.JSON.text(table));
        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(file));
        assertEquals("cuda-training", root.path("task").asString());
        assertEquals(T0.toString(), root.path("generated").asString());
        assertEquals(Columns.ALL.size(), root.path("columns").size());
        assertEquals("kW.h", root.path("columns").get(index("energyMax")).path("unit").asString());
        JsonNode offers = root.path("offers");
        assertEquals(table.rows().size(), offers.size());
        JsonNode first = offers.get(0);
        assertEquals(HOSTILE, first.path("flags").get(0).asString());
        assertEquals("EXPIRED", first.path("state").asString());
        assertEquals(table.rows().get(0).offer().start().toString(), first.path("start").asString());
        assertTrue(first.path("costs").has(Comparison.CARBON), first.toString());
        assertNull(root.path("brokers").get(2).get("offerSet"));
        assertEquals("NO", root.path("brokers").get(2).path("result").asString());
        assertTrue(root.path("brokers").get(2).path("reasons").size() > 0);
    }

    private static int index(String name) {
        return Columns.ALL.indexOf(column(name));
    }
}
