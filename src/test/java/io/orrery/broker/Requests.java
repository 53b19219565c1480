package io.orrery.broker;

import io.orrery.model.ExecutionRequest;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Requests for broker tests: YAML texts and the shipped sample tasks. */
final class Requests {
    static final String K = io.orrery.Fixtures.K;
    static final String DOCKER = io.orrery.Fixtures.DOCKER;

    private Requests() {}

    static ExecutionRequest yaml(String text) {
        return WireCodec.readAs(text, Format.YAML, ExecutionRequest.class);
    }

    /** A docker request for cores (min = max), memory GiB and a duration, optionally in a start window. */
    static ExecutionRequest docker(long cores, long memory, String duration, String window) {
        StringBuilder y = new StringBuilder(DOCKER);
        y.append("compute:\n  kind: ").append(K).append("compute/simple-compute-resource.yaml\n")
                .append("  meta: {name: c}\n")
                .append("  cores: {min: ").append(cores).append(", max: ").append(cores).append("}\n")
                .append("  memory: {min: ").append(memory).append(", max: ").append(memory).append("}\n");
        y.append("schedule:\n  requested:\n    duration: ").append(duration).append('\n');
        if (window != null) {
            y.append("    start: ").append(window).append('\n');
        }
        return yaml(y.toString());
    }

    static ExecutionRequest sample(String name) {
        return yaml(sampleText(name));
    }

    static String sampleText(String name) {
        Path dir = Path.of(System.getProperty("orrery.samples", "sample-tasks"));
        try {
            return Files.readString(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
