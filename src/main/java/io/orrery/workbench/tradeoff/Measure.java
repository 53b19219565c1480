package io.orrery.workbench.tradeoff;

import io.orrery.client.compare.Comparison;

/** What the trade-off plot weighs against finish time: money or carbon (both: lower is better). */
public enum Measure {
    COST("Cost (" + Comparison.CURRENCY + ")", Comparison.MONETARY),
    CARBON("Carbon (gCO\u2082)", Comparison.CARBON);

    private final String label;
    private final String type;

    Measure(String label, String type) {
        this.label = label;
        this.type = type;
    }

    /** The axis title, with its unit. */
    public String label() {
        return label;
    }

    /** The cost type URI read from each offer. */
    public String type() {
        return type;
    }
}
