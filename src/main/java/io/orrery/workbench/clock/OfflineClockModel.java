package io.orrery.workbench.clock;

import io.orrery.client.ShiftedClock;
import io.orrery.client.compare.OfferRow;
import io.orrery.client.text.HumanTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The built-in brokers' clock as the window shows it: "simulated +3 h 20 min" while it runs ahead of real time,
 * "real time" otherwise; and what a skip of it would cost: the open offers of built-in brokers it would expire.
 * Properties only, no nodes: tested without the toolkit.
 */
public final class OfflineClockModel {
    private final ShiftedClock clock;
    private final StringProperty text = new SimpleStringProperty();
    private final BooleanProperty ahead = new SimpleBooleanProperty();

    public OfflineClockModel(ShiftedClock clock) {
        this.clock = clock;
        refresh();
    }

    /** Reads the clock again (after a skip or a reset). */
    public void refresh() {
        Duration shift = clock.shift();
        ahead.set(!shift.isZero());
        text.set(describe(shift));
    }

    public StringProperty textProperty() {
        return text;
    }

    /** Whether the built-in brokers run ahead of real time. */
    public BooleanProperty aheadProperty() {
        return ahead;
    }

    public ShiftedClock clock() {
        return clock;
    }

    /** "built-in brokers: real time" or "built-in brokers: simulated +3 h 20 min". */
    public static String describe(Duration shift) {
        return "built-in brokers: " + (shift.isZero() ? "real time" : "simulated +" + HumanTime.duration(shift));
    }

    /** The open offers of built-in brokers that a move of their clock from now to target would expire. */
    public static List<OfferRow> expiredBy(List<OfferRow> rows, Instant now, Instant target) {
        return rows.stream().filter(r -> r.broker().startsWith("builtin:") && r.expires() != null
                && now.isBefore(r.expires()) && !target.isBefore(r.expires())).toList();
    }

    /**
     * What to ask before moving the clock from now to target for one session ({@code what}: "Run x to its end"),
     * or null when the move expires no offer on show.
     */
    public static String warning(String what, List<OfferRow> rows, Instant now, Instant target, HumanTime time) {
        List<OfferRow> lost = expiredBy(rows, now, target);
        if (lost.isEmpty()) {
            return null;
        }
        TreeSet<String> brokers = new TreeSet<>(lost.stream().map(OfferRow::broker).toList());
        return what + " moves the built-in brokers' clock " + HumanTime.duration(Duration.between(now, target))
                + " ahead, to " + time.instant(target) + ".\n\n" + lost.size() + (lost.size() == 1 ? " open offer" :
                " open offers") + " from " + String.join(", ", brokers) + (lost.size() == 1 ? " expires" : " expire")
                + " on the way and can no longer be accepted.\n\nReset (in the status bar) brings the built-in"
                + " brokers back to real time later.";
    }
}
