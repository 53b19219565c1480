package io.orrery.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.client.compare.OfferRow;
import io.orrery.client.export.Columns;
import io.orrery.client.samp.HubLocation;
import io.orrery.client.samp.SampHubFixture;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.client.HubConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;

/**
 * The real window, headless: the Export menu writes the comparison as CSV and VOTable (read back by STIL) and the
 * timeline as a PNG, the file chosen through the export's seam instead of the save dialog; SAMP with a real hub in
 * this process sends the comparison to a second client and turns a table that client sends into data of the task.
 */
@ExtendWith(ApplicationExtension.class)
class ExportFxTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path temp;

    private Workbench wb;
    private Path out;

    @Start
    void start(Stage stage) throws Exception {
        wb = new Workbench(stage, Files.createTempDirectory(temp, "config"));
        out = Files.createTempDirectory(temp, "out");
        wb.export().chooseFilesWith((title, name, description, extension) -> Optional.of(out.resolve(name)));
        stage.show();
    }

    @AfterEach
    void closeIt(FxRobot robot) {
        robot.interact(wb::close);
    }

    private void askBuiltIns(FxRobot robot, Path task) throws Exception {
        robot.interact(() -> wb.open(task));
        OnFx.await(WAIT, "the task open and read", () -> task.equals(wb.editor().model().fileProperty().get())
                && wb.editor().model().upToDate() && wb.editor().model().sendableProperty().get());
        robot.interact(() -> wb.brokers().model().entries().forEach(e -> e.checkedProperty().set(
                List.of("builtin:cloud", "builtin:laptop", "builtin:green-hpc").contains(e.name()))));
        robot.clickOn("#askButton");
        OnFx.await(WAIT, "every built-in broker answered", () -> wb.offers().model().pendingProperty().get() == 0
                && wb.offers().model().outcomes().size() == 3);
        robot.interact(() -> robot.listWindows().stream().filter(javafx.stage.Popup.class::isInstance)
                .map(javafx.stage.Popup.class::cast).toList().forEach(javafx.stage.Popup::hide));
    }

    /** Opens the Export menu and clicks the item, as a user does. */
    private static void menu(FxRobot robot, String item) {
        robot.clickOn("Export");
        robot.clickOn(item);
    }

    private String status() throws Exception {
        return OnFx.call(() -> wb.scene().lookup("#statusLabel") instanceof javafx.scene.control.Label l ? l.getText() : "");
    }

    @Test
    void theExportMenuWritesTheComparisonAndTheTimelineToFiles(FxRobot robot) throws Exception {
        askBuiltIns(robot, Path.of("sample-tasks", "11-32-cores-4-hours.yaml").toAbsolutePath());
        List<OfferRow> rows = OnFx.call(() -> List.copyOf(wb.offers().model().rows()));
        assertTrue(rows.size() >= 6, "two brokers offer: " + rows.size());

        menu(robot, "Export comparison as VOTable...");
        Path vot = out.resolve("parallel-job-offers.vot");
        OnFx.await(WAIT, "the VOTable written and said", () -> Files.exists(vot) && status().startsWith("Exported"));
        assertEquals("Exported " + rows.size() + " offers as VOTable to " + vot, status());
        StarTable t = new StarTableFactory(true).makeStarTable(vot.toString(), "votable");
        assertEquals(rows.size(), t.getRowCount());
        int uuid = index("uuid");
        int state = index("state");
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(rows.get(i).uuid(), t.getCell(i, uuid), "the table's order");
            assertEquals("OFFERED", t.getCell(i, state));
        }
        assertEquals("s", t.getColumnInfo(index("duration")).getUnitString());

        menu(robot, "Export comparison as CSV...");
        Path csv = out.resolve("parallel-job-offers.csv");
        OnFx.await(WAIT, "the CSV written", () -> Files.exists(csv) && status().contains(csv.toString()));
        StarTable c = new StarTableFactory(true).makeStarTable(csv.toString(), "csv");
        assertEquals(rows.size(), c.getRowCount());
        Set<Object> brokers = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            brokers.add(c.getCell(i, index("broker")));
            assertEquals(32L, ((Number) c.getCell(i, index("cores"))).longValue());
        }
        assertEquals(Set.of("builtin:cloud", "builtin:green-hpc"), brokers, "the laptop said NO");

        menu(robot, "Save timeline as PNG...");
        Path png = out.resolve("parallel-job-timeline.png");
        OnFx.await(WAIT, "the PNG written", () -> Files.exists(png) && status().contains(png.toString()));
        BufferedImage image = ImageIO.read(png.toFile());
        Node chart = OnFx.call(() -> wb.offers().view().chart());
        assertEquals(Math.round(OnFx.call(() -> chart.getLayoutBounds().getWidth())), image.getWidth());
        assertTrue(image.getHeight() > 50, "the timeline, drawn: " + image.getHeight());
        assertTrue(distinctColours(image) > 5, "bars, lanes and text, not a blank picture");
    }

    @Test
    void nothingToExportBeforeAnAnswerAndAFailedWriteIsSaid(FxRobot robot) throws Exception {
        robot.clickOn("Export");
        assertTrue(robot.lookup("Export comparison as CSV...").query().getParent() != null);
        assertTrue(OnFx.call(() -> exportItem("exportCsvItem").isDisable()), "nothing to export yet");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        askBuiltIns(robot, Path.of("sample-tasks", "01-minimal-container.yaml").toAbsolutePath());
        Path blocked = out.resolve("a-file-not-a-folder");
        Files.writeString(blocked, "x");
        wb.export().chooseFilesWith((title, name, description, extension) -> Optional.of(blocked.resolve(name)));
        menu(robot, "Export comparison as JSON...");
        OnFx.await(WAIT, "the failure said", () -> status().startsWith("Cannot write " + blocked));
    }

    private javafx.scene.control.MenuItem exportItem(String id) {
        javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) wb.scene().lookup(".menu-bar");
        return bar.getMenus().stream().filter(m -> "exportMenu".equals(m.getId())).findFirst().orElseThrow()
                .getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    @Test
    void sampSendsTheComparisonAndTurnsAReceivedTableIntoDataOfTheTask(FxRobot robot) throws Exception {
        Path task = out.resolve("parallel-job.yaml");
        Files.copy(Path.of("sample-tasks", "11-32-cores-4-hours.yaml"), task);
        wb.samp().useHub(HubLocation.at(temp.resolve("no-hub-here/.samp")));
        askBuiltIns(robot, task);
        menu(robot, "Send comparison to TOPCAT / Aladin (SAMP)");
        OnFx.await(WAIT, "no hub, said plainly", () -> status().startsWith("No SAMP hub is running"));

        CompletableFuture<Message> got = new CompletableFuture<>();
        try (SampHubFixture hub = SampHubFixture.start(Files.createTempDirectory(temp, "samp"))) {
            wb.samp().useHub(hub.location());
            HubConnector topcat = hub.topcat(got);
            try {
                menu(robot, "Send comparison to TOPCAT / Aladin (SAMP)");
                Message msg = got.get(20, TimeUnit.SECONDS);
                OnFx.await(WAIT, "the send said", () -> status().startsWith("Sent "));
                assertTrue(status().endsWith(" offers to TOPCAT (test) through SAMP"), status());
                Path received = Path.of(URI.create(String.valueOf(msg.getParam("url"))));
                StarTable t = new StarTableFactory(true).makeStarTable(received.toString(), "votable");
                assertEquals((long) OnFx.call(() -> wb.offers().model().rows().size()), t.getRowCount());
                assertEquals("Orrery offers for parallel-job", msg.getParam("name"));
                assertTrue(OnFx.call(() -> wb.samp().connectedProperty().get()), "registered by the send");

                topcat.getConnection().notifyAll(new Message("table.load.votable")
                        .addParam("url", "https://example.org/gaia/dr3-sample.vot").addParam("name", "Gaia DR3 sample"));
                OnFx.await(WAIT, "the table became data of the task and was read", () -> wb.editor().model()
                        .textProperty().get().contains("https://example.org/gaia/dr3-sample.vot")
                        && wb.editor().model().upToDate());
                String text = OnFx.call(() -> wb.editor().model().textProperty().get());
                assertTrue(text.contains("location: \"https://example.org/gaia/dr3-sample.vot\""), text);
                assertTrue(text.contains("name: gaia-dr3-sample"), text);
                assertTrue(text.startsWith(Files.readString(task).stripTrailing()), "the rest stays as it was:\n" + text);
                assertTrue(OnFx.call(() -> wb.editor().model().dirtyProperty().get()), "an unsaved change");
                assertTrue(OnFx.call(() -> wb.editor().model().problems().stream().noneMatch(
                        io.orrery.model.check.LocatedFinding::isError)), "a valid task still");
                assertTrue(status().startsWith("Added https://example.org/gaia/dr3-sample.vot from TOPCAT (test) (SAMP)"),
                        status());

                robot.clickOn("Export");
                robot.clickOn("Take datasets from TOPCAT / Aladin (SAMP)");
                OnFx.await(WAIT, "left the hub", () -> !wb.samp().connectedProperty().get());
            } finally {
                topcat.setActive(false);
            }
        }
        assertFalse(OnFx.call(() -> wb.samp().connectedProperty().get()));
    }

    private static int index(String column) {
        return Columns.ALL.indexOf(Columns.ALL.stream().filter(c -> c.name().equals(column)).findFirst().orElseThrow());
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
