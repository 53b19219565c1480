package io.orrery.broker;

import io.orrery.broker.session.SessionState;
import io.orrery.broker.session.SessionTable;
import io.orrery.broker.store.SessionStore;
import io.orrery.model.Message;
import io.orrery.model.codec.WireCodec;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Turns the core's state into the store's records and back. */
final class Persistence {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private Persistence() {}

    static SessionStore.StoredOfferSet stored(OfferSetState set, List<SessionState> offers) {
        List<SessionStore.StoredSession> sessions = new ArrayList<>();
        for (SessionState s : offers) {
            sessions.add(new SessionStore.StoredSession(s.uuid(), s.offer(), s.plan(), s.shape(), s.expires(),
                    s.history()));
        }
        return new SessionStore.StoredOfferSet(set.uuid(), set.created(), set.result(), messages(set.messages()),
                set.owner(), set.dialect(), sessions);
    }

    static List<SessionStore.StoredPhase> phases(List<SessionTable.Notice> notices) {
        List<SessionStore.StoredPhase> out = new ArrayList<>();
        for (SessionTable.Notice n : notices) {
            out.add(new SessionStore.StoredPhase(n.session(),
                    new io.orrery.model.PhaseChange(n.to(), n.at(), n.reason())));
        }
        return out;
    }

    static String messages(List<Message> messages) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        messages.forEach(m -> list.add(WireCodec.recordTree(m)));
        return JSON.writeValueAsString(list);
    }

    static List<Message> messages(String json) {
        List<Message> out = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        for (JsonNode n : JSON.readTree(json)) {
            out.add(WireCodec.recordFromTree(n, Message.class));
        }
        return out;
    }
}
