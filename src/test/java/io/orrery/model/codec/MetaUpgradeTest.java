package io.orrery.model.codec;

import static io.orrery.model.codec.Trees.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Flat 2025 metadata into {@code meta}, and message {@code type} renamed {@code kind}, with origins recorded. */
class MetaUpgradeTest {
    @Test
    void flatFieldsMoveIntoMeta() {
        Origins origins = new Origins();
        JsonNode meta = MetaUpgrade.flatMeta(origins, json("{'type': 't', 'ident': 'u1', 'name': 'n', 'href': 'h',"
                + " 'created': 'c', 'cores': 4, 'messages': [{'type': 'k', 'level': 'WARN'}, {'kind': 'a', 'type': 'b'},"
                + " 'plain'], 'options': [{'type': 'o'}]}"), "/request/compute/0", "/compute");
        assertEquals(json("{'uuid': 'u1', 'name': 'n', 'url': 'h', 'created': 'c',"
                + " 'messages': [{'kind': 'k', 'level': 'WARN'}, {'kind': 'a', 'type': 'b'}, 'plain'],"
                + " 'options': [{'kind': 'o'}]}"), meta);
        assertEquals("/request/compute/0", origins.sourceOf("/compute/meta"));
        assertEquals("/request/compute/0/ident", origins.sourceOf("/compute/meta/uuid"));
        assertEquals("/request/compute/0/href", origins.sourceOf("/compute/meta/url"));
        assertEquals("/request/compute/0/messages", origins.sourceOf("/compute/meta/messages"));
        assertEquals("/request/compute/0/messages/0/type", origins.sourceOf("/compute/meta/messages/0/kind"));
        assertEquals("/request/compute/0/messages/0/level", origins.sourceOf("/compute/meta/messages/0/level"));
        assertEquals("/request/compute/0/messages/2", origins.sourceOf("/compute/meta/messages/2"));
        assertEquals("/request/compute/0/options/0/type", origins.sourceOf("/compute/meta/options/0/kind"));
    }

    @Test
    void nestedMetaKeepsItsFieldsAndRenamesMessageTypes() {
        Origins origins = new Origins();
        JsonNode meta = MetaUpgrade.meta(origins, json("{'uuid': 'u', 'a/b': 1, 'messages': [{'type': 'k'}],"
                + " 'options': 'none'}"), "/executable/meta", "/x/meta");
        assertEquals(json("{'uuid': 'u', 'a/b': 1, 'messages': [{'kind': 'k'}], 'options': 'none'}"), meta);
        assertEquals("/executable/meta", origins.sourceOf("/x/meta"));
        assertEquals("/executable/meta/a~1b", origins.sourceOf("/x/meta/a~1b"));
        assertEquals("/executable/meta/messages/0/type", origins.sourceOf("/x/meta/messages/0/kind"));
        assertEquals("/executable/meta/options", origins.sourceOf("/x/meta/options"));
    }

    @Test
    void aMetaThatIsNoMappingIsCopied() {
        Origins origins = new Origins();
        assertEquals(json("'just text'"), MetaUpgrade.meta(origins, json("'just text'"), "/m", "/x/meta"));
        assertEquals("/m", origins.sourceOf("/x/meta"));
    }
}
