package io.orrery.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.BrokerCore;
import io.orrery.broker.platform.Platform;
import io.orrery.broker.session.SimulatedExecution;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.OfferSet;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Platform files that name engines, fitted to what a machine has; the local platform sized from the machine. */
class RealPlatformsTest {
    private static final LocalPlatform.Found BARE = new LocalPlatform.Found(new Machine(4, 9L << 30), Optional.empty(),
            new Jupyter(null, null, "absent"));

    @TempDir
    Path dir;

    @Test
    void aPlatformFileNamingAnEngineThisMachineLacksRefusesThatKindWithWhatToInstall() throws Exception {
        String laptop = new String(RealPlatforms.class.getResourceAsStream("/io/orrery/broker/platforms/laptop.yaml")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("name: laptop", "name: mine");
        Path file = Files.writeString(dir.resolve("mine.yaml"), laptop
                + "execution:\n  engines: {docker-container: container, jupyter-notebook: notebook}\n  network: false\n");
        Platform p = RealPlatforms.load(file.toString(), () -> BARE);
        assertEquals(Map.of(), p.execution().engines());
        assertEquals(LocalPlatform.NO_ENGINE, p.execution().unavailable().get("docker-container"));
        assertEquals(LocalPlatform.NO_JUPYTER, p.execution().unavailable().get("jupyter-notebook"));
        OfferSet set = new BrokerCore(p, Clock.systemUTC()).request(WireCodec.readAs(RealBroker.container("true",
                java.time.Duration.ofMinutes(1), ""), Format.YAML, ExecutionRequest.class));
        assertEquals("NO", set.result());
        assertTrue(WireCodec.write(set, Format.YAML).contains("mine cannot run docker-container executables here: "
                + LocalPlatform.NO_ENGINE));
    }

    @Test
    void aSimulatedPlatformIsLeftAsItIsAndNeverProbesTheMachine() {
        Platform p = RealPlatforms.load("cloud", () -> {
            throw new AssertionError("a simulated platform needs no probe");
        });
        assertFalse(p.execution().real());
        assertTrue(RealPlatforms.adapter(p, BARE, dir, Clock.systemUTC()) instanceof SimulatedExecution);
    }

    @Test
    void theLocalPlatformIsSizedFromTheMachineKeepingAGibForItself() {
        Platform p = LocalPlatform.platform(BARE);
        assertEquals("local", p.name());
        assertEquals(4, p.capacity().cores());
        assertEquals(8, p.capacity().memory());
        assertEquals(Map.of("docker-container", LocalPlatform.NO_ENGINE, "jupyter-notebook", LocalPlatform.NO_JUPYTER,
                "python-program", LocalPlatform.NO_PYTHON), p.execution().unavailable());
        assertTrue(p.description().contains("4 cores, 8 GiB, no container engine, no Jupyter"), p.description());
    }
}
