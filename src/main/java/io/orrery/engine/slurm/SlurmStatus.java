package io.orrery.engine.slurm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Whether a Slurm cluster answers, for {@code orrery engines}: its configuration (as the {@code slurm} platform finds
 * it) and what {@code sinfo} says of its nodes.
 *
 * @param conf the configuration looked at
 * @param up whether {@code sinfo} answered
 * @param detail the nodes' states and cores, or what is missing
 */
public record SlurmStatus(Path conf, boolean up, String detail) {
    public static SlurmStatus probe(Map<String, String> env, Duration timeout) {
        Path conf = SlurmPlatform.conf(SlurmPlatform.NAME, env);
        if (!Files.isRegularFile(conf)) {
            return new SlurmStatus(conf, false, "no cluster configured at " + conf
                    + " ('orrery engines setup slurm' starts a test one)");
        }
        try {
            SlurmCli.Result r = new SlurmCli(conf, timeout).run("sinfo", "-h", "-o", "%D node(s) %T, %C cores (allocated/idle/other/total)");
            if (!r.ok()) {
                return new SlurmStatus(conf, false, "sinfo: " + r.problem());
            }
            return new SlurmStatus(conf, true, String.join("; ", r.out().strip().lines().toList()));
        } catch (IOException e) {
            return new SlurmStatus(conf, false, e.getMessage());
        }
    }
}
