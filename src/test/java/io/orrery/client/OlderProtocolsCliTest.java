package io.orrery.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.CliRun;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.server.BrokerServer;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * {@code orrery brokers add --protocol}: brokers of the older protocols named once, then asked like any other, with
 * their answers in the same table (an open offer marked as such).
 */
class OlderProtocolsCliTest extends TempConfigCliTest {
    @Test
    void olderProtocolBrokersAreNamedOnceAndAskedBesideTheOthers() throws Exception {
        try (BrokerServer server = BrokerServer.start(BrokerServer.Options.of(PlatformCatalog.find("cloud").orElseThrow()))) {
            assertEquals(0, run("brokers", "add", "old2021", server.baseUrl() + "/canidothis", "--protocol",
                    "canidothis").code());
            assertEquals(0, run("brokers", "add", "srcnet", server.baseUrl(), "--protocol", "srcnet-compute").code());
            String yaml = Files.readString(config.resolve("brokers.yaml"));
            assertTrue(yaml.contains("protocol: \"canidothis\"") || yaml.contains("protocol: canidothis"), yaml);
            CliRun list = run("brokers", "list");
            assertTrue(list.out().contains("srcnet-compute") && list.out().contains("canidothis"), list.out());

            CliRun offers = run("offers", sample("01-minimal-container.yaml"), "--broker", "old2021", "--broker", "srcnet",
                    "--broker", server.baseUrl());
            assertEquals(0, offers.code(), offers.out() + offers.err());
            assertTrue(offers.out().contains("old2021") && offers.out().contains("srcnet"), offers.out());
            assertTrue(offers.out().contains("open offer"), "the SRCNet offer is marked open: " + offers.out());
            HttpBroker.closeIdleConnections();
        }
        CliRun bad = run("brokers", "add", "x", "http://127.0.0.1:1", "--protocol", "carrier-pigeon");
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("execution-broker, canidothis or srcnet-compute"), bad.err());
    }
}
