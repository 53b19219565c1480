package io.orrery.workbench.brokers;

/** How a broker fared the last time it was asked. */
public enum Health {
    UNKNOWN("not asked yet"), REACHABLE("answered"), SLOW("answered slowly"), FAILING("failed");

    private final String text;

    Health(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
