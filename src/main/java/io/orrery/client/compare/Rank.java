package io.orrery.client.compare;

import java.util.Comparator;

/** The orders a user can rank offers by. */
public enum Rank {
    EARLIEST_START(Comparator.comparing(OfferRow::start, Comparator.nullsLast(Comparator.naturalOrder()))),
    EARLIEST_FINISH(Comparator.comparing(OfferRow::end, Comparator.nullsLast(Comparator.naturalOrder()))),
    LOWEST_COST(byCost(Comparison.MONETARY)),
    LOWEST_ENERGY(byCost(Comparison.ENERGY)),
    LOWEST_CARBON(byCost(Comparison.CARBON));

    private final Comparator<OfferRow> order;

    Rank(Comparator<OfferRow> order) {
        // ties go to the earlier start, then the earlier finish, so equal offers keep one order from run to run
        this.order = order.thenComparing(OfferRow::start, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(OfferRow::end, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(OfferRow::broker).thenComparing(OfferRow::uuid);
    }

    public Comparator<OfferRow> order() {
        return order;
    }

    /** Missing costs rank last. */
    private static Comparator<OfferRow> byCost(String type) {
        return Comparator.comparingDouble(r -> Double.isNaN(r.cost(type)) ? Double.MAX_VALUE : r.cost(type));
    }
}
