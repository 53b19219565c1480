package io.orrery.client.export;

import io.orrery.client.compare.OfferRow;
import java.util.List;

/**
 * One offer as exported: the compared row, its state on its broker's clock (OFFERED, or EXPIRED once past its
 * expiry), the offered sizes (read from an extension compute kind too, GPUs included) and every flag on it.
 */
public record ExportRow(OfferRow offer, String state, Long cores, Long memory, Long gpus, String gpuModel,
                        List<String> flags) {
    public ExportRow {
        flags = List.copyOf(flags);
    }
}
