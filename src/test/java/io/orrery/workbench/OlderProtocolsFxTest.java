package io.orrery.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.client.Credentials;
import io.orrery.client.HttpBroker;
import io.orrery.client.Protocol;
import io.orrery.client.compare.OfferRow;
import io.orrery.model.SessionPhase;
import io.orrery.server.BrokerServer;
import io.orrery.workbench.monitor.Watched;
import io.orrery.workbench.timeline.Bar;
import io.orrery.workbench.timeline.Span;
import io.orrery.workbench.timeline.TimelineChart;
import io.orrery.workbench.timeline.TimelineLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, headless, with an {@code orrery serve} on loopback that speaks all three protocols: a CanIDoThis
 * broker and an SRCNet compute broker added by URL in the Add dialog answer beside the ExecutionBroker one, in the
 * table and on the timeline (the SRCNet offer drawn open, hatched); the CanIDoThis offer cannot be accepted, the
 * SRCNet one can, and is monitored.
 */
@ExtendWith(ApplicationExtension.class)
class OlderProtocolsFxTest {
    @TempDir
    static Path config;

    private Workbench wb;
    private BrokerServer server;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        server = BrokerServer.start(BrokerServer.Options.of(PlatformCatalog.find("cloud").orElseThrow()));
        dir = Files.createTempDirectory(config, "run");
        wb = new Workbench(stage, dir);
        stage.show();
    }

    @AfterEach
    void closeIt(FxRobot robot) {
        robot.interact(wb::close);
        HttpBroker.closeIdleConnections();
        server.close();
    }

    /** Adds a broker through the Add dialog, as a user would: name, URL, what it speaks, OK. */
    private void addInDialog(FxRobot robot, String name, String url, Protocol protocol) throws Exception {
        WindowSteps.click(robot, () -> robot.lookup("#addBrokerButton").query());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#brokerProtocol").tryQuery().isPresent());
        robot.clickOn("#brokerName").write(name);
        robot.interact(() -> robot.lookup("#brokerUrl").queryAs(TextField.class).clear());
        robot.clickOn("#brokerUrl").write(url);
        @SuppressWarnings("unchecked")
        ComboBox<Protocol> speaks = robot.lookup("#brokerProtocol").queryAs(ComboBox.class);
        robot.interact(() -> speaks.getSelectionModel().select(protocol));
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        WindowSteps.click(robot, () -> (Button) pane.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> wb.brokers().model().entry(name).isPresent());
    }

    @Test
    void olderProtocolBrokersAddedByUrlAnswerBesideTheExecutionBroker(FxRobot robot) throws Exception {
        addInDialog(robot, "planner-2021", server.baseUrl() + "/canidothis", Protocol.CANIDOTHIS);
        addInDialog(robot, "srcnet-site", server.baseUrl(), Protocol.SRCNET_COMPUTE);
        robot.interact(() -> wb.brokers().add("orrery-eb", server.baseUrl(), Credentials.NONE));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> wb.brokers().model().entry("orrery-eb").isPresent());
        assertTrue(wb.brokers().model().entry("srcnet-site").orElseThrow().dialectProperty().get().contains("SRCNet"),
                "the pane says what it speaks");
        String kept = Files.readString(dir.resolve("brokers.yaml"));
        assertTrue(kept.contains("srcnet-compute") && kept.contains("canidothis"), kept);

        WindowSteps.openSample(robot, wb, "01-minimal-container.yaml");
        WindowSteps.only(robot, wb, "planner-2021", "srcnet-site", "orrery-eb");
        WindowSteps.click(robot, () -> robot.lookup("#askButton").query());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> wb.offers().model().pendingProperty().get() == 0
                && wb.offers().model().outcomes().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();

        TableView<OfferRow> table = robot.lookup("#offersTable").queryAs(TableView.class);
        for (String broker : List.of("planner-2021", "srcnet-site", "orrery-eb")) {
            assertTrue(table.getItems().stream().anyMatch(r -> r.broker().equals(broker)), broker + " in the table: "
                    + wb.offers().model().outcomes());
        }
        OfferRow srcnet = row(table, "srcnet-site");
        OfferRow planner = row(table, "planner-2021");
        TimelineLayout layout = robot.lookup("#offersTimeline").queryAs(TimelineChart.class).layoutOfLanes();
        Bar open = layout.bars(srcnet.uuid()).get(0);
        assertEquals(List.of(Span.Kind.OPEN), open.spans().stream().map(Span::kind).toList(), "drawn open");
        assertTrue(open.label().startsWith("open"), open.label());
        assertTrue(layout.rows().stream().anyMatch(r -> r.lane() != null && r.lane().id().equals(srcnet.uuid())
                && r.lane().label().contains("open")), "its lane says so");
        assertTrue(layout.bars(planner.uuid()).get(0).spans().stream().noneMatch(s -> s.kind() == Span.Kind.OPEN),
                "Orrery's 2021 answer names a start: drawn as a real slot");

        robot.interact(() -> wb.offers().model().selectedProperty().set(planner));
        assertTrue(robot.lookup("#acceptButton").queryButton().isDisabled(), "CanIDoThis has no accept");
        robot.interact(() -> wb.offers().model().selectedProperty().set(srcnet));
        assertFalse(robot.lookup("#acceptButton").queryButton().isDisabled(), "SRCNet offers can be accepted");
        WindowSteps.click(robot, () -> robot.lookup("#acceptButton").query());
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> wb.monitor().model().sessions().size() == 1);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no session monitored after Accept; the status line says '" + OnFx.call(() ->
                    wb.scene().lookup("#statusLabel") instanceof javafx.scene.control.Label l ? l.getText() : "")
                    + "'", e);
        }
        Watched w = wb.monitor().model().sessions().get(0);
        assertEquals("srcnet-site", w.broker());
        assertTrue(w.url().matches(".*/provision/[0-9a-f-]{36}/status"), w.url());
        // a provision alone is OFFERED at the site: a later phase shows the job was submitted
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> w.phaseProperty().get() != null
                && w.phaseProperty().get() != SessionPhase.OFFERED && w.phaseProperty().get() != SessionPhase.INITIAL);
    }

    private static OfferRow row(TableView<OfferRow> table, String broker) {
        return table.getItems().stream().filter(r -> r.broker().equals(broker)).findFirst().orElseThrow();
    }
}
