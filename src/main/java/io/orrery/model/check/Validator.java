package io.orrery.model.check;

import io.orrery.model.ExecutionRequest;
import io.orrery.model.ExecutionSession;
import io.orrery.model.OfferSet;
import io.orrery.model.WireDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the meaning of a document, beyond its syntax: sizes, ranges, times, references between components,
 * kinds. Each finding points at the field it is about. Platform limits are the broker's business, not this.
 */
public final class Validator {
    private Validator() {}

    public static List<Finding> validate(WireDocument doc) {
        List<Finding> out = new ArrayList<>();
        KindChecks.walk(doc, "", out);
        if (doc instanceof ExecutionRequest r) {
            request(r, out);
        } else if (doc instanceof OfferSet o && o.offers() != null) {
            for (int i = 0; i < o.offers().size(); i++) {
                session(o.offers().get(i), "/offers/" + i, out);
            }
        } else if (doc instanceof ExecutionSession s) {
            session(s, "", out);
        }
        return out;
    }

    private static void request(ExecutionRequest r, List<Finding> out) {
        if (r.executable() == null) {
            out.add(Finding.error("/executable", "no executable: a request must say what to run"));
        }
        Components components = new Components(r.executable(), r.compute(), r.storage(), r.data(), "");
        ComponentChecks.check(components, out);
        ReferenceChecks.check(components, out);
        ScheduleChecks.requested(r.schedule(), out);
        QuantityChecks.amounts(r.costs(), "/costs", out);
        QuantityChecks.amounts(r.metrics(), "/metrics", out);
    }

    private static void session(ExecutionSession s, String base, List<Finding> out) {
        Components components = new Components(s.executable(), s.compute(), s.storage(), s.data(), base);
        ComponentChecks.check(components, out);
    }
}
