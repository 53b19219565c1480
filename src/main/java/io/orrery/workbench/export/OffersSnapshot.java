package io.orrery.workbench.export;

import io.orrery.client.export.ExportTable;
import io.orrery.workbench.offers.OffersViewModel;
import java.util.Optional;

/**
 * The comparison the window shows now, as an export table: the offers in the table's ranking, each judged by its
 * broker's own clock, with every flag the table shows, and every broker's answer. On the JavaFX thread.
 */
public final class OffersSnapshot {
    private OffersSnapshot() {}

    /** Empty before any broker answered an ask. */
    public static Optional<ExportTable> of(OffersViewModel offers) {
        if (offers.outcomes().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ExportTable.of(offers.request().map(ExportTable::nameOf).orElse(null),
                offers.clock().instant(), offers.rows(), offers.outcomes(), offers::now, offers::flags));
    }
}
