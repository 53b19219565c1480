package io.orrery.client.compare;

import io.orrery.client.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * When every broker said NO: what to change to get a YES, the most useful hint first. A hint that keeps the
 * requested window ("Fits in your window with 2 cores") beats one that moves it ("Earliest start after your window"),
 * which beats what only explains (preparation too long, over budget); a broker's plain reason comes after every
 * hint, and errors last.
 */
public final class NoHints {
    /** One line to show: which broker said it, and what. */
    public record Hint(String broker, String text, int rank) {
    }

    private static final List<String> ORDER = List.of("fits in your window", "earliest start", "preparation here needs",
            "the cheapest slot", "nothing fits between");

    private NoHints() {}

    /** Whether the answers are all in and none has an offer (and there was at least one answer). */
    public static boolean allSaidNo(List<Outcome> outcomes) {
        return !outcomes.isEmpty() && outcomes.stream().noneMatch(o -> o instanceof Outcome.Offers);
    }

    /** Every reason and error of the answers, the most useful first (ties keep the order the brokers answered in). */
    public static List<Hint> of(List<Outcome> outcomes) {
        List<Hint> out = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o instanceof Outcome.No no) {
                no.reasons().forEach(r -> out.add(new Hint(o.broker(), r, rank(r))));
            } else if (o instanceof Outcome.Failed f) {
                out.add(new Hint(o.broker(), "failed: " + f.error().getMessage(), ORDER.size() + 1));
            }
        }
        out.sort(Comparator.comparingInt(Hint::rank));
        return out;
    }

    private static int rank(String reason) {
        String r = reason.toLowerCase(Locale.ROOT);
        for (int i = 0; i < ORDER.size(); i++) {
            if (r.startsWith(ORDER.get(i))) {
                return i;
            }
        }
        return ORDER.size();
    }
}
