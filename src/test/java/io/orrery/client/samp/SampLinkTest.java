package io.orrery.client.samp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Await;
import io.orrery.Fixtures;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.client.LocalBroker;
import io.orrery.client.Outcome;
import io.orrery.client.compare.Comparison;
import io.orrery.client.compare.Rank;
import io.orrery.client.export.ExportFormat;
import io.orrery.client.export.ExportTable;
import io.orrery.model.ExecutionRequest;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.client.HubConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;

/**
 * SAMP with a real hub (JSAMP's, in this process, its lockfile in a temporary folder): the comparison goes to a
 * second client as a VOTable it can read; a table that client sends comes back as a dataset; no hub, a dead hub's
 * lockfile and a hub that stops are each said plainly.
 */
class SampLinkTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final List<SampLink.Dataset> received = new CopyOnWriteArrayList<>();
    private final List<Boolean> connection = new CopyOnWriteArrayList<>();

    private SampLink link(HubLocation where) {
        return new SampLink(where, "test", received::add, connection::add);
    }

    private static ExportTable comparison() throws Exception {
        ExecutionRequest task = Fixtures.sample("11-32-cores-4-hours.yaml");
        Instant now = Clock.systemUTC().instant();
        try (LocalBroker cloud = new LocalBroker("builtin:cloud", PlatformCatalog.find("cloud").orElseThrow(),
                Clock.systemUTC())) {
            List<Outcome> outcomes = List.of(cloud.ask(task).get(10, TimeUnit.SECONDS));
            return ExportTable.of("parallel-job", now, Comparison.of(task, outcomes, now, Rank.EARLIEST_START), outcomes);
        }
    }

    @Test
    void theComparisonReachesASecondClientAsAVoTableItCanRead() throws Exception {
        ExportTable table = comparison();
        Path vot = dir.resolve("offers.vot");
        Files.writeString(vot, ExportFormat.VOTABLE.text(table));
        CompletableFuture<Message> got = new CompletableFuture<>();
        try (SampHubFixture hub = SampHubFixture.start(dir); SampLink link = link(hub.location())) {
            HubConnector topcat = hub.topcat(got);
            try {
                assertTrue(topcat.isConnected(), "the stand-in for TOPCAT registered");
                List<String> to = link.sendTable(vot, "orrery-offers", "Offers for parallel-job", LIMIT);
                assertEquals(List.of("TOPCAT (test)"), to);
                assertTrue(link.connected());
                assertEquals(List.of(true), connection);
                Message msg = got.get(10, TimeUnit.SECONDS);
                assertEquals("table.load.votable", msg.getMType());
                assertEquals("Offers for parallel-job", msg.getParam("name"));
                Path sent = Path.of(URI.create(String.valueOf(msg.getParam("url"))));
                StarTable t = new StarTableFactory(true).makeStarTable(sent.toString(), "votable");
                assertEquals(table.rows().size(), t.getRowCount());
                assertEquals(table.rows().get(0).offer().uuid(), t.getCell(0, 1));
            } finally {
                topcat.setActive(false);
            }
        }
    }

    @Test
    void aTableAnotherToolSendsArrivesAsADatasetAndAStoppedHubIsNoticed() throws Exception {
        try (SampHubFixture hub = SampHubFixture.start(dir); SampLink link = link(hub.location())) {
            link.connect(LIMIT);
            HubConnector topcat = hub.topcat(new CompletableFuture<>());
            try {
                Message table = new Message("table.load.votable").addParam("url", "file:///data/gaia-dr3-sample.vot")
                        .addParam("name", "Gaia DR3 sample");
                List<?> to = topcat.getConnection().notifyAll(table);
                assertEquals(1, to.size(), "Orrery takes tables: " + to);
                Await.until(LIMIT, () -> !received.isEmpty(), "the table reached Orrery");
                assertEquals(new SampLink.Dataset("file:///data/gaia-dr3-sample.vot", "Gaia DR3 sample",
                        "table.load.votable", "TOPCAT (test)"), received.get(0));
                topcat.getConnection().notifyAll(new Message("image.load.fits").addParam("url", "http://x.org/m31.fits"));
                Await.until(LIMIT, () -> received.size() == 2, "the image reached Orrery");
                assertEquals(null, received.get(1).name());
                assertEquals("image.load.fits", received.get(1).mtype());
            } finally {
                topcat.setActive(false);
            }
            hub.close();
            Await.until(LIMIT, () -> connection.equals(List.of(true, false)), "the hub's end was noticed: " + connection);
            assertFalse(link.connected());
        }
    }

    @Test
    void noHubAndADeadHubsLockfileAreSaidPlainlyAndQuickly() throws Exception {
        try (SampLink link = link(HubLocation.at(dir.resolve("none/.samp")))) {
            SampLink.SampFailure none = assertThrows(SampLink.SampFailure.class, () -> link.connect(LIMIT));
            assertTrue(none.getMessage().startsWith("No SAMP hub is running"), none.getMessage());
            assertTrue(none.getMessage().contains("start TOPCAT or Aladin"), none.getMessage());
        }
        int dead;
        try (ServerSocket s = new ServerSocket(0)) {
            dead = s.getLocalPort();
        }
        Path stale = dir.resolve("stale.samp");
        Files.writeString(stale, "samp.secret=x\nsamp.hub.xmlrpc.url=http://127.0.0.1:" + dead + "/xmlrpc\n"
                + "samp.profile.version=1.3\n");
        try (SampLink link = link(HubLocation.at(stale))) {
            SampLink.SampFailure failure = assertThrows(SampLink.SampFailure.class, () -> link.connect(LIMIT));
            assertTrue(failure.getMessage().startsWith("Cannot register with the SAMP hub"), failure.getMessage());
            assertFalse(link.connected());
        }
    }

    @Test
    void theHubIsFoundWhereSampHubOrTheHomeDirectorySays() {
        Path home = dir.resolve("home");
        assertEquals(home.resolve(".samp").toAbsolutePath(), path(HubLocation.of(java.util.Map.of(), home)));
        HubLocation named = HubLocation.of(java.util.Map.of("SAMP_HUB", "std-lockurl:file:///tmp/hub.samp"), home);
        assertEquals(Path.of("/tmp/hub.samp"), path(named));
        HubLocation web = HubLocation.of(java.util.Map.of("SAMP_HUB", "web-samp"), home);
        assertTrue(web.note().contains("not a Standard Profile hub"), web.note());
        assertEquals(home.resolve(".samp").toAbsolutePath(), path(web));
    }

    private static Path path(HubLocation l) {
        try {
            return Path.of(l.lockfile().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
