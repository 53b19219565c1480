package io.orrery.broker;

import io.orrery.broker.session.InvalidUpdateException;
import io.orrery.model.Lifecycle;
import io.orrery.broker.session.SessionState;
import io.orrery.broker.session.UpdateRefusedException;
import io.orrery.model.SessionPhase;
import io.orrery.model.Update;
import java.time.Instant;
import java.util.Set;

/** Reads a client's update and checks it against the session's phase; says why when it cannot be done. */
final class UpdateRules {
    private UpdateRules() {}

    /** The phase asked for; throws {@link InvalidUpdateException} if the update is not a phase update. */
    static SessionPhase target(Update u) {
        if (u.kind() == null) {
            throw new InvalidUpdateException("the update has no kind; send {kind: uri:enum-value-update, path: phase,"
                    + " value: ACCEPTED|REJECTED|CANCELLED}");
        }
        if (!u.kind().equals(Update.ENUM) && !u.kind().equals(Update.STRING)) {
            throw new InvalidUpdateException("this broker changes only the phase, with " + Update.ENUM + "; '"
                    + u.kind() + "' is not supported");
        }
        if (!"phase".equals(u.normalisedPath())) {
            throw new InvalidUpdateException("only 'phase' can be updated here, not '" + u.path() + "'");
        }
        if (u.value() == null || !u.value().isString()) {
            throw new InvalidUpdateException("the value must be a phase name such as ACCEPTED, not " + u.value());
        }
        return SessionPhase.parse(u.value().asString()).orElseThrow(() -> new InvalidUpdateException(
                "'" + u.value().asString() + "' is not a session phase"));
    }

    /** Checks that the client may move the session to target now; throws {@link UpdateRefusedException} if not. */
    static void check(SessionState s, SessionPhase target, Instant now) {
        SessionPhase from = s.phase();
        if (from == SessionPhase.OFFERED && target == SessionPhase.ACCEPTED && !now.isBefore(s.expires())) {
            throw new UpdateRefusedException("the offer expired at " + s.expires() + "; ask for new offers");
        }
        Set<SessionPhase> choices = Lifecycle.clientChoices(from);
        boolean withdraw = from == SessionPhase.OFFERED && target == SessionPhase.CANCELLED;
        if (choices.contains(target) || withdraw) {
            return;
        }
        if (from.isTerminal()) {
            throw new UpdateRefusedException("the session is " + from + (from == SessionPhase.EXPIRED ? " (it expired at "
                    + s.expires() + ")" : "") + ": it can no longer be changed");
        }
        throw new UpdateRefusedException("a session that is " + from + " cannot be set to " + target
                + "; allowed now: " + choices);
    }
}
