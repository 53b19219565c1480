package io.orrery.client.compare;

/** A min-max pair of a cost or metric; either end may be missing. */
public record Range(Double min, Double max) {
    /** The value to rank by: the least it may be, else the most. */
    public double rankValue() {
        return min != null ? min : max != null ? max : Double.NaN;
    }

    @Override
    public String toString() {
        if (min != null && max != null && !min.equals(max)) {
            return fmt(min) + "-" + fmt(max);
        }
        return min != null ? fmt(min) : max != null ? fmt(max) : "-";
    }

    private static String fmt(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
