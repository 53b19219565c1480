package io.orrery.broker.offer;

import io.orrery.broker.calendar.Dimensions;
import io.orrery.broker.calendar.Shape;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What a request needs from a platform, after checking: sizes as min/max ranges, the run length, the window in
 * which it may start, the preparation before it and the release after it, and the caps on what it may cost.
 */
public record Demand(long coresMin, long coresMax, long memoryMin, long memoryMax, long storageMin, long storageMax,
                     String gpuModel, long gpus, Duration duration, Duration maxDuration, Instant windowStart,
                     Instant windowEnd, Staging staging, Duration release,
                     Map<String, Double> costCaps) {

    /** Preparation: the image pull, the slowest data transfer, and where that data comes from. */
    public record Staging(Duration image, Duration data, String slowestData, String site) {
        public Duration lead() {
            return image.compareTo(data) >= 0 ? image : data;
        }
    }

    public Duration lead() {
        return staging.lead();
    }

    /** The amounts held while running: these sizes, plus the GPUs asked for. */
    public long[] running(Dimensions dims, long cores, long memory, long storage) {
        long[] v = dims.vector(cores, memory, storage);
        if (gpuModel != null) {
            v[dims.gpu(gpuModel)] = gpus;
        }
        return v;
    }

    /** The booking for a run of this length: storage through staging and release, everything while running. */
    public Shape shape(Dimensions dims, long[] running, Duration length) {
        long[] staging = dims.vector(0, 0, running[Dimensions.STORAGE]);
        return Shape.session(lead().toSeconds(), length.toSeconds(), release.toSeconds(), running, staging);
    }
}
