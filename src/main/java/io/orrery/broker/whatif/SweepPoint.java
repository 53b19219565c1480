package io.orrery.broker.whatif;

import java.time.Instant;
import java.util.List;

/**
 * What one platform said for one value of a sweep: the earliest start and finish and the lowest monetary cost over
 * its offers, or its reasons for NO.
 */
public record SweepPoint(String value, String platform, Instant earliestStart, Instant earliestFinish, Double lowestCost,
                         List<String> no) {
    public boolean yes() {
        return earliestStart != null;
    }
}
