package io.orrery.model.codec;

import static io.orrery.model.codec.Trees.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The 2023 draft's reasons for a NO, as newest-shape messages and back. */
class DraftReasonsTest {
    @Test
    void reasonsBecomeWarningsAfterTheMessagesThereAre() {
        ObjectNode offerSet = (ObjectNode) json("{'result': 'NO', 'meta': {'messages': [{'kind': 'other'}]},"
                + " 'reasons': [{'path': 'compute', 'text': 'too many cores'}, {'text': 'no path'}]}");
        Origins origins = new Origins();
        DraftReasons.toMessages(offerSet, offerSet.get("reasons"), "/response/reasons", origins);
        assertEquals(json("{'result': 'NO', 'meta': {'messages': [{'kind': 'other'},"
                + " {'kind': 'urn:orrery:draft-reason', 'level': 'WARN', 'template': 'too many cores',"
                + " 'values': {'path': 'compute'}},"
                + " {'kind': 'urn:orrery:draft-reason', 'level': 'WARN', 'template': 'no path',"
                + " 'values': {'path': ''}}]}}"), offerSet);
        assertEquals("/response/reasons/0", origins.sourceOf("/meta/messages/1"));
        assertEquals("/response/reasons/1/text", origins.sourceOf("/meta/messages/2/text"));
    }

    @Test
    void reasonsMakeTheMetaTheyNeed() {
        ObjectNode offerSet = (ObjectNode) json("{'result': 'NO', 'reasons': [{'path': 'p', 'text': 't'}]}");
        DraftReasons.toMessages(offerSet, offerSet.get("reasons"), "/reasons", new Origins());
        assertEquals(json("{'result': 'NO', 'meta': {'messages': [{'kind': 'urn:orrery:draft-reason', 'level': 'WARN',"
                + " 'template': 't', 'values': {'path': 'p'}}]}}"), offerSet);
    }

    @Test
    void draftMessagesGoBackToReasonsAndOthersStay() {
        ObjectNode offerSet = (ObjectNode) json("{'result': 'NO', 'meta': {'uuid': 'u', 'messages': ["
                + "{'kind': 'urn:orrery:draft-reason', 'template': 'a', 'values': {'path': 'x'}},"
                + "{'kind': 'urn:orrery:draft-reason', 'template': 'b', 'values': {'path': 'y'}},"
                + "{'kind': 'other', 'template': 'c'},"
                + "{'kind': 'urn:orrery:draft-reason', 'template': 'd'}]}}");
        DraftReasons.toReasons(offerSet);
        assertEquals(json("{'result': 'NO', 'meta': {'uuid': 'u', 'messages': [{'kind': 'other', 'template': 'c'}]},"
                + " 'reasons': [{'path': 'x', 'text': 'a'}, {'path': 'y', 'text': 'b'}, {'path': '', 'text': 'd'}]}"),
                offerSet);
    }

    @Test
    void whenAllMessagesWereReasonsTheListGoes() {
        ObjectNode offerSet = (ObjectNode) json("{'meta': {'uuid': 'u', 'messages': ["
                + "{'kind': 'urn:orrery:draft-reason', 'template': 'a', 'values': {'path': 'x'}}]}}");
        DraftReasons.toReasons(offerSet);
        assertEquals(json("{'meta': {'uuid': 'u'}, 'reasons': [{'path': 'x', 'text': 'a'}]}"), offerSet);
    }

    @Test
    void withoutDraftMessagesNothingChanges() {
        for (String text : new String[] {"{'result': 'YES'}", "{'meta': {'messages': 'none'}}",
                "{'meta': {'messages': []}}", "{'meta': {'messages': [{'kind': 'other'}]}}"}) {
            ObjectNode offerSet = (ObjectNode) json(text);
            DraftReasons.toReasons(offerSet);
            assertEquals(json(text), offerSet);
        }
    }
}
