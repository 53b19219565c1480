package io.orrery.model.check;

import io.orrery.model.FloatItem;
import io.orrery.model.MinMax;
import java.util.List;

/** min/max ranges: sizes are whole numbers of at least 1, and min is not above max. */
final class RangeChecks {
    private RangeChecks() {}

    static void size(MinMax range, String pointer, String what, List<Finding> out) {
        if (range == null) {
            return;
        }
        if (range.min() != null && range.min() < 1) {
            out.add(Finding.error(pointer + "/min", what + " minimum must be at least 1, not " + range.min()));
        }
        if (range.max() != null && range.max() < 1) {
            out.add(Finding.error(pointer + "/max", what + " maximum must be at least 1, not " + range.max()));
        }
        if (range.min() != null && range.max() != null && range.min() > range.max()) {
            out.add(Finding.error(pointer, what + " minimum " + range.min() + " is more than the maximum " + range.max()));
        }
    }

    static void floatItems(List<FloatItem> items, String pointer, List<Finding> out) {
        if (items == null) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            FloatItem item = items.get(i);
            String p = pointer + "/" + i;
            if (item.min() != null && item.min() < 0 || item.max() != null && item.max() < 0) {
                out.add(Finding.error(p, "a cost or metric cannot be negative"));
            }
            if (item.min() != null && item.max() != null && item.min() > item.max()) {
                out.add(Finding.error(p, "minimum " + item.min() + " is more than the maximum " + item.max()));
            }
            if (item.type() == null || item.type().isBlank()) {
                out.add(Finding.warning(p, "no type: say what is measured, e.g. urn:ivoa:calycopis:cost:monetary"));
            }
        }
    }
}
