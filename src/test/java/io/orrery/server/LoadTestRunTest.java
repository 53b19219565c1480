package io.orrery.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.tools.LoadTestCommand;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A short run of {@code orrery loadtest} (a broker process on loopback, 16 clients, bounded in count and time):
 * no server errors and no overbooking afterwards, in memory and with a database; then the storm of 64 bodies of
 * about 1 MiB at once, against the broker's default limits and heap: every answer 2xx, 400, 413 or 503, and an
 * ordinary request right after it gets offers. Speed and memory are for the command to print.
 */
class LoadTestRunTest {

    @Test
    void sixteenClientsCauseNoServerErrorsAndNoOverbooking() throws Exception {
        LoadTestCommand cmd = new LoadTestCommand();
        new CommandLine(cmd).parseArgs("--requests", "600", "--seconds", "20", "--background", "2000");
        for (boolean data : List.of(false, true)) {
            LoadTestCommand.Result r = cmd.run(data);
            assertEquals(0, r.serverErrors(), r.toString());
            assertFalse(r.overbooked(), r.toString());
            assertTrue(r.done() > 0 && r.accepted() > 0, r.toString());
            assertTrue(r.storm().bounded(), "64 bodies of ~1 MiB at once get 2xx, 400, 413 or 503, and an ordinary"
                    + " request right after gets offers: " + r.storm());
            System.out.println("loadtest " + r);
        }
    }
}
