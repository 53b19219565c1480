package io.orrery.workbench.offers;

import java.util.List;

/** A broker that gave no offers: it said NO (with its reasons and hints, if any) or failed (with the error). */
public record Refusal(String broker, boolean error, List<String> reasons) {
    public String text() {
        return broker + (error ? " failed: " : " said NO") + (reasons.isEmpty() ? error ? "" : " without a reason"
                : (error ? "" : ": ") + String.join("; ", reasons));
    }
}
