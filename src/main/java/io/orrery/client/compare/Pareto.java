package io.orrery.client.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The Pareto front of items on two measures that are both better when lower (finish time and cost, say): the items
 * no other item beats on one measure without losing on the other. Items with a missing (NaN) measure take no part.
 * One sort and one sweep, O(n log n).
 */
public final class Pareto {
    private Pareto() {}

    /**
     * The items on the front, in rising x (and falling y): none is dominated by another, where a dominates b when a
     * is no worse on both measures and better on one. Equal items are all on the front when one of them is.
     */
    public static <T> List<T> front(List<T> items, ToDoubleFunction<T> x, ToDoubleFunction<T> y) {
        List<T> known = new ArrayList<>(items.stream()
                .filter(i -> !Double.isNaN(x.applyAsDouble(i)) && !Double.isNaN(y.applyAsDouble(i))).toList());
        known.sort(Comparator.comparingDouble(x).thenComparingDouble(y));
        List<T> out = new ArrayList<>();
        double bestY = Double.POSITIVE_INFINITY;
        double bestX = Double.NaN;
        for (T i : known) {
            double xi = x.applyAsDouble(i);
            double yi = y.applyAsDouble(i);
            if (yi < bestY) {
                out.add(i);
                bestY = yi;
                bestX = xi;
            } else if (yi == bestY && xi == bestX) {
                out.add(i); // the same point as the last on the front: nothing beats it either
            }
        }
        return out;
    }

    /** Whether a is no worse than b on both measures and better on one (both lower-is-better). */
    public static boolean dominates(double ax, double ay, double bx, double by) {
        return ax <= bx && ay <= by && (ax < bx || ay < by);
    }
}
