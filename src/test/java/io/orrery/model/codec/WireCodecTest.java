package io.orrery.model.codec;

import static io.orrery.model.codec.Trees.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.orrery.model.ExecutionRequest;
import io.orrery.model.ExecutionSession;
import io.orrery.model.Kind;
import io.orrery.model.OfferSet;
import io.orrery.model.UnknownDocument;
import io.orrery.model.Update;
import io.orrery.model.WireDocument;
import io.orrery.model.check.Finding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Which model type a document binds to, what reading says about it, and the writers. */
class WireCodecTest {
    private static final String SESSION = Kind.SCHEDULED_SESSION.uri();
    private static final String OFFERS = Kind.OFFER_SET.uri();

    private static Class<?> typeOf(String yaml) {
        return WireCodec.read(yaml, Format.YAML).document().orElseThrow().getClass();
    }

    @Test
    void offerSetsAreKnownByKindResultOrOffers() {
        assertEquals(OfferSet.class, typeOf("kind: " + OFFERS + "\n"));
        assertEquals(OfferSet.class, typeOf("result: YES\n"));
        assertEquals(OfferSet.class, typeOf("offers: []\n"));
    }

    @Test
    void sessionsAreKnownByKindOrPhaseWithExecutable() {
        assertEquals(ExecutionSession.class, typeOf("kind: " + SESSION + "\n"));
        assertEquals(ExecutionSession.class, typeOf("phase: OFFERED\nexecutable: {}\n"));
        assertEquals(UnknownDocument.class, typeOf("phase: OFFERED\n"));
    }

    @Test
    void updatesAreKnownByDraftKindAndPathOrByPathAndValue() {
        assertEquals(Update.class, typeOf("kind: uri:enum-value-update\npath: phase\n"));
        assertEquals(Update.class, typeOf("path: phase\nvalue: ACCEPTED\n"));
        assertEquals(UnknownDocument.class, typeOf("path: phase\n"));
        assertEquals(UnknownDocument.class, typeOf("kind: uri:enum-value-update\n"));
        assertEquals(UnknownDocument.class, typeOf("kind: " + Kind.DOCKER.uri() + "\nvalue: 1\n"));
    }

    @Test
    void requestsAreKnownByTheirMembersOrAreEmpty() {
        assertEquals(ExecutionRequest.class, typeOf("{}"));
        assertEquals(ExecutionRequest.class, typeOf("costs: []\n"));
        assertEquals(ExecutionRequest.class, typeOf("name: x\nschedule: {}\n"));
        assertEquals(UnknownDocument.class, typeOf("name: x\n"));
    }

    @Test
    void describeNamesEachType() {
        assertEquals("an execution request", WireCodec.describe(WireCodec.read("{}", Format.JSON).document().orElseThrow()));
        assertEquals("an offer set", WireCodec.describe(WireCodec.read("result: NO", Format.YAML).document().orElseThrow()));
        assertEquals("an execution session", WireCodec.describe(WireCodec.read("kind: " + SESSION, Format.YAML)
                .document().orElseThrow()));
        assertEquals("an update", WireCodec.describe(Update.phase("ACCEPTED")));
        assertEquals("not an ExecutionBroker document", WireCodec.describe(new UnknownDocument(json("{'a': 1}"))));
    }

    @Test
    void olderGenerationsAreNamedFirstAmongTheFindings() {
        ParsedDocument doc = WireCodec.read("executable:\n  type: uri:docker-container-1.0\n  name: x\n", Format.YAML);
        assertEquals(Dialect.V2023, doc.dialect());
        assertEquals(List.of(Finding.warning("", "written in the 2023 format (the standard's draft: request root, spec"
                + " blocks, uri: types); Orrery reads it and sends the newest format unless told otherwise")),
                doc.findings());
        assertEquals(List.of(), WireCodec.read("executable:\n  kind: " + Kind.DOCKER.uri() + "\n", Format.YAML).findings());
    }

    @Test
    void aLegacyMessageThatIsNoMappingIsRead() {
        ParsedDocument doc = WireCodec.read("executable:\n  type: uri:docker-container-1.0\n  messages: [hello]\n",
                Format.YAML);
        assertEquals(json("{'executable': {'kind': 'K(DOCKER)', 'meta': {'messages': ['hello']}}}"), doc.tree());
    }

    @Test
    void aBindingErrorIsAFindingWithoutADocument() {
        ParsedDocument doc = WireCodec.read("compute:\n  kind: " + Kind.SIMPLE_COMPUTE.uri() + "\n  cores: {min: many}\n",
                Format.YAML);
        assertEquals(List.of(Finding.error("/compute/cores/min", "expected a whole number, found 'many'")),
                doc.findings());
        assertEquals(false, doc.document().isPresent());
        WireFormatException e = assertThrows(WireFormatException.class, () -> WireCodec.readAs(
                "compute:\n  kind: " + Kind.SIMPLE_COMPUTE.uri() + "\n  cores: {min: many}\n", Format.YAML,
                ExecutionRequest.class));
        assertEquals("body:3:11: error: expected a whole number, found 'many' (compute.cores.min)", e.getMessage());
    }

    @Test
    void readAsRefusesAnotherType() {
        WireFormatException e = assertThrows(WireFormatException.class,
                () -> WireCodec.readAs("result: YES\n", Format.YAML, ExecutionRequest.class));
        assertEquals("expected ExecutionRequest but the document is an offer set", e.getMessage());
        OfferSet offers = WireCodec.readAs("result: YES\n", Format.YAML, OfferSet.class);
        assertEquals("{\"result\":\"YES\"}", WireCodec.recordTree(offers).toString());
    }

    @Test
    void aDocumentOverALimitIsNotBound() {
        ParsedDocument doc = WireCodec.read("data:\n  - \n", Format.YAML);
        assertEquals(List.of(Finding.error("/data", "item 1 of this list is empty: give the item, or remove its '-'"
                + " (or the null)")), doc.findings());
        assertEquals(false, doc.document().isPresent());
        assertEquals(Dialect.NEWEST, doc.dialect());
    }

    @Test
    void recordsGoToTreesAndBack() {
        Finding f = Finding.warning("/a", "m");
        assertEquals(f, WireCodec.recordFromTree(WireCodec.recordTree(f), Finding.class));
        Update u = WireCodec.fromTree(json("{'kind': 'uri:enum-value-update', 'path': 'phase', 'value': 'ACCEPTED'}"),
                Update.class);
        assertEquals(Update.phase("ACCEPTED"), u);
    }

    @Test
    void treesAreWrittenInTheGenerationAsked() {
        JsonNode tree = json("{'executable': {'kind': '" + Kind.DOCKER.uri() + "', 'meta': {'name': 'x'}}}");
        assertEquals("executable:\n  type: " + Dialect.V2025_10.uri(Kind.DOCKER) + "\n  name: x\n",
                WireCodec.writeTree(tree, Format.YAML, Dialect.V2025_10));
        assertEquals("{\"executable\":{\"type\":\"" + Dialect.V2025_10.uri(Kind.DOCKER) + "\",\"name\":\"x\"}}",
                new String(WireCodec.writeCompact(tree, Format.JSON, Dialect.V2025_10), StandardCharsets.UTF_8));
        assertEquals("executable:\n  kind: " + Kind.DOCKER.uri() + "\n  meta:\n    name: x\n",
                new String(WireCodec.writeCompact(tree, Format.YAML, Dialect.NEWEST), StandardCharsets.UTF_8));
        assertEquals("{\n  \"executable\" : {\n    \"kind\" : \"" + Kind.DOCKER.uri() + "\",\n    \"meta\" : {\n"
                + "      \"name\" : \"x\"\n    }\n  }\n}\n", WireCodec.writeTree(tree, Format.JSON, Dialect.NEWEST));
    }

    @Test
    void anUnknownDocumentIsWrittenAsItsTree() {
        WireDocument doc = new UnknownDocument(json("{'a': [1]}"));
        assertEquals("a:\n  - 1\n", WireCodec.write(doc, Format.YAML));
    }
}
