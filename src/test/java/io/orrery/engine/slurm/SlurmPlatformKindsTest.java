package io.orrery.engine.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.BrokerCore;
import io.orrery.broker.platform.Platform;
import io.orrery.engine.Jupyter;
import io.orrery.engine.LocalPlatform;
import io.orrery.engine.Machine;
import io.orrery.engine.Python;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.OfferSet;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a Slurm platform runs and refuses, without a cluster: a python-program is a NO with the reason. */
class SlurmPlatformKindsTest {

    @Test
    void aPythonProgramIsRefusedWithTheReasonEvenWhereTheMachineHasPython() throws Exception {
        LocalPlatform.Found f = new LocalPlatform.Found(new Machine(4, 8L << 30), Optional.empty(),
                new Jupyter(null, null, "absent"), new Python("/usr/bin/python3", "3.11.2", ""));
        Platform p = SlurmPlatform.platform(new SlurmCluster.Size(8, 16384, Map.of(), 1),
                new SlurmCluster.Partition("debug", Optional.of(Duration.ofHours(1))), f);
        assertTrue(p.execution().unavailable().get("python-program").contains("not Python programs"));
        ExecutionRequest r = WireCodec.readAs(Files.readString(Path.of("sample-tasks/22-python-program.yaml")),
                Format.YAML, ExecutionRequest.class);
        OfferSet set = new BrokerCore(p, Clock.systemUTC()).request(r);
        assertEquals("NO", set.result());
        String text = WireCodec.write(set, Format.YAML);
        assertTrue(text.contains("slurm cannot run python-program executables here: its jobs run containers and"
                + " notebooks, not Python programs"), text);
    }
}
