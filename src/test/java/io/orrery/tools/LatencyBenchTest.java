package io.orrery.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.server.BrokerServer;
import org.junit.jupiter.api.Test;

/**
 * The sequential-latency mode of {@code orrery bench} against a real broker on loopback: every request, each on its
 * own connection, is answered 303 with offers and timed (speed is for the command to print, not for a test).
 */
class LatencyBenchTest {

    @Test
    void timesEveryRequestOnAFreshConnection() throws Exception {
        try (BrokerServer server = BrokerServer.start(BrokerServer.Options.of(PlatformCatalog.find("cloud").orElseThrow()))) {
            LatencyBench.Figures f = LatencyBench.measure(server.baseUrl(), "memory", 40);
            assertEquals(0, f.failures(), "every request answered 303");
            assertEquals(40, f.sorted().length);
            assertTrue(f.sorted()[0] > 0 && f.sorted()[0] <= f.median() && f.median() <= f.sorted()[39],
                    "sorted latencies: " + java.util.Arrays.toString(f.sorted()));
        }
    }
}
