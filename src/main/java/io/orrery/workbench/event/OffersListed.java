package io.orrery.workbench.event;

import io.orrery.client.compare.OfferRow;
import java.util.List;

/**
 * The offers the comparison shows now (all of them, ranked; empty before an ask or when none came), with the task
 * they answer: what the trade-off plot draws and what a skip of the built-in brokers' clock warns about.
 */
public record OffersListed(List<OfferRow> rows, String task) {
    public OffersListed {
        rows = List.copyOf(rows);
    }
}
