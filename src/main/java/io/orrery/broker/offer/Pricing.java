package io.orrery.broker.offer;

import io.orrery.broker.platform.Platform;
import io.orrery.model.FloatItem;
import io.orrery.model.Kind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * What a slot costs on a platform, in money, energy (kWh) and carbon (gCO2), from its prices per core-hour,
 * GiB-hour and GPU-hour; money is discounted inside the off-peak window, hour by hour.
 */
public final class Pricing {
    public static final String MONETARY = "urn:ivoa:calycopis:cost:monetary";
    public static final String ENERGY = "urn:ivoa:calycopis:cost:energy";
    public static final String CARBON = "urn:ivoa:calycopis:cost:carbon";
    public static final String COMPUTE_PERFORMANCE = "urn:ivoa:calycopis:metric:compute-performance";
    public static final String IO_THROUGHPUT = "urn:ivoa:calycopis:metric:io-throughput";

    private Pricing() {}

    /** Cost in the three currencies. */
    public record Cost(double monetary, double energy, double carbon) {
        public double of(String type) {
            return switch (type) {
                case MONETARY -> monetary;
                case ENERGY -> energy;
                case CARBON -> carbon;
                default -> Double.NaN;
            };
        }
    }

    /** The cost of holding these sizes from start for length. */
    public static Cost cost(Platform p, Instant start, Duration length, long cores, long memory, long storage, long gpus) {
        Platform.Prices prices = p.prices();
        Platform.Rate core = rate(prices.coreHour());
        Platform.Rate mem = rate(prices.memoryGiBHour());
        Platform.Rate sto = rate(prices.storageGiBHour());
        Platform.Rate gpu = rate(prices.gpuHour());
        double perHourMoney = cores * core.monetary() + memory * mem.monetary() + storage * sto.monetary() + gpus * gpu.monetary();
        double perHourEnergy = cores * core.energy() + memory * mem.energy() + storage * sto.energy() + gpus * gpu.energy();
        double perHourCarbon = cores * core.carbon() + memory * mem.carbon() + storage * sto.carbon() + gpus * gpu.carbon();
        double hours = length.toSeconds() / 3600.0;
        double moneyHours = discountedHours(prices.offPeak(), start, length);
        return new Cost(round(perHourMoney * moneyHours), round(perHourEnergy * hours), round(perHourCarbon * hours));
    }

    /** Hours in the slot, off-peak hours counted at their factor. */
    static double discountedHours(Platform.OffPeak offPeak, Instant start, Duration length) {
        if (offPeak == null) {
            return length.toSeconds() / 3600.0;
        }
        double total = 0;
        long t = start.getEpochSecond();
        long end = t + length.toSeconds();
        while (t < end) {
            long nextHour = Math.min(end, (Math.floorDiv(t, 3600) + 1) * 3600);
            int hour = Instant.ofEpochSecond(t).atZone(ZoneOffset.UTC).getHour();
            total += (nextHour - t) / 3600.0 * (offPeak.covers(hour) ? offPeak.factor() : 1.0);
            t = nextHour;
        }
        return total;
    }

    /** Session-level items: the cost of the requested length (min) and of the offered length (max). */
    public static List<FloatItem> sessionCosts(Cost least, Cost most) {
        return List.of(item(Kind.MINMAX_COST, MONETARY, "Estimated monetary cost", least.monetary(), most.monetary()),
                item(Kind.MINMAX_COST, ENERGY, "Estimated energy use in kWh", least.energy(), most.energy()),
                item(Kind.MINMAX_COST, CARBON, "Estimated carbon emissions in gCO2", least.carbon(), most.carbon()));
    }

    public static List<FloatItem> sessionMetrics(Platform p) {
        return List.of(item(Kind.MINMAX_METRIC, COMPUTE_PERFORMANCE, "Compute performance benchmark",
                p.metrics().computePerformance(), p.metrics().computePerformance()));
    }

    /** Compute-level items: the hourly price of these cores and memory, and the platform's metrics. */
    public static List<FloatItem> computeCosts(Platform p, long cores, long memory, long gpus) {
        Platform.Prices prices = p.prices();
        double hourly = cores * rate(prices.coreHour()).monetary() + memory * rate(prices.memoryGiBHour()).monetary()
                + gpus * rate(prices.gpuHour()).monetary();
        double offPeak = prices.offPeak() == null ? hourly : hourly * prices.offPeak().factor();
        return List.of(item(Kind.MINMAX_COST, MONETARY, "Compute cost per hour", round(offPeak), round(hourly)));
    }

    public static List<FloatItem> computeMetrics(Platform p) {
        return List.of(item(Kind.MINMAX_METRIC, COMPUTE_PERFORMANCE, "CPU benchmark score",
                        p.metrics().computePerformance(), p.metrics().computePerformance()),
                item(Kind.MINMAX_METRIC, IO_THROUGHPUT, "IO throughput in MB/s",
                        p.metrics().ioThroughput(), p.metrics().ioThroughput()));
    }

    private static FloatItem item(Kind kind, String type, String description, double min, double max) {
        return new FloatItem(kind.uri(), type, description, min, max, Map.of());
    }

    private static Platform.Rate rate(Platform.Rate r) {
        return r == null ? Platform.Rate.FREE : r;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
