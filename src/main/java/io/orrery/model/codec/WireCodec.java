package io.orrery.model.codec;

import io.orrery.model.ExecutionRequest;
import io.orrery.model.ExecutionSession;
import io.orrery.model.OfferSet;
import io.orrery.model.UnknownDocument;
import io.orrery.model.Update;
import io.orrery.model.WireDocument;
import io.orrery.model.check.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads ExecutionBroker documents of any generation into the model and writes the model in any generation.
 * Reading never throws for a well-formed text: what cannot be understood is reported as findings.
 */
public final class WireCodec {
    private static final Set<String> REQUEST_KEYS = Set.of("executable", "compute", "storage", "data", "schedule",
            "costs", "metrics");

    private WireCodec() {}

    /** Every document in the text. Throws {@link SyntaxException} (with a position) if the text is not YAML/JSON. */
    public static List<ParsedDocument> readAll(String text, Format format) {
        List<ParsedDocument> out = new ArrayList<>();
        for (SourceDocument source : SourceReader.read(text, format)) {
            out.add(bind(source));
        }
        return out;
    }

    /** The first document in the text. */
    public static ParsedDocument read(String text, Format format) {
        return readAll(text, format).get(0);
    }

    /** Reads a document that must be of the given type; throws {@link WireFormatException} saying why not. */
    public static <T extends WireDocument> T readAs(String text, Format format, Class<T> type) {
        ParsedDocument parsed = read(text, format);
        WireDocument doc = parsed.document().orElseThrow(() -> new WireFormatException(
                parsed.findings().stream().filter(Finding::isError).map(f -> parsed.locate(f).format("body")).toList()));
        if (!type.isInstance(doc)) {
            throw new WireFormatException(List.of("expected " + type.getSimpleName() + " but the document is "
                    + describe(doc)));
        }
        return type.cast(doc);
    }

    private static ParsedDocument bind(SourceDocument source) {
        List<Finding> broken = new ArrayList<>();
        TreeLimits.check(source.tree(), broken);
        if (!broken.isEmpty()) {
            // not bound: the findings point into the source tree as it stands
            return new ParsedDocument(source, new Upgrader.Result(source.tree(), Dialect.NEWEST, new Origins(),
                    List.of()), null, broken);
        }
        Upgrader.Result up = Upgrader.upgrade(source.tree());
        List<Finding> findings = new ArrayList<>(up.notes());
        if (up.dialect() != Dialect.NEWEST) {
            findings.add(0, Finding.warning("", "written in the " + up.dialect().id() + " format ("
                    + up.dialect().summary() + "); Orrery reads it and sends the newest format unless told otherwise"));
        }
        WireDocument doc = null;
        try {
            Class<? extends WireDocument> type = typeOf(up.tree());
            doc = type == UnknownDocument.class ? new UnknownDocument(up.tree())
                    : ModelMapper.TREE.treeToValue(up.tree(), type);
        } catch (JacksonException e) {
            findings.add(Finding.error(BindingErrors.pointer(e), BindingErrors.message(e)));
        }
        return new ParsedDocument(source, up, doc, findings);
    }

    /** The tree is a mapping: TreeLimits refuses any other root, and the Upgrader keeps a mapping one. */
    private static Class<? extends WireDocument> typeOf(JsonNode tree) {
        String kind = tree.path("kind").asString("");
        var ref = Dialect.parseUri(kind);
        if (ref.isPresent() && ref.get().kind().family().equals("offerset") || tree.has("result") || tree.has("offers")) {
            return OfferSet.class;
        }
        if (ref.isPresent() && ref.get().kind().family().equals("session")
                || tree.has("phase") && tree.has("executable")) {
            return ExecutionSession.class;
        }
        if (kind.startsWith("uri:") && tree.has("path") || tree.has("path") && tree.has("value")) {
            return Update.class;
        }
        boolean request = tree.isEmpty() || tree.propertyNames().stream().anyMatch(REQUEST_KEYS::contains);
        return request ? ExecutionRequest.class : UnknownDocument.class;
    }

    /** Binds a tree of the newest shape to a model record (for code that builds documents as trees). */
    public static <T extends WireDocument> T fromTree(JsonNode tree, Class<T> type) {
        return ModelMapper.TREE.treeToValue(tree, type);
    }

    /** Any model record (a component, a cost item...) as a tree of the newest shape. */
    public static JsonNode recordTree(Record value) {
        return ModelMapper.TREE.valueToTree(value);
    }

    /** Binds a tree of the newest shape to any model record (the inverse of {@link #recordTree}). */
    public static <T extends Record> T recordFromTree(JsonNode tree, Class<T> type) {
        return ModelMapper.TREE.treeToValue(tree, type);
    }

    /** The document as a tree in the given generation. */
    public static JsonNode toTree(WireDocument doc, Dialect dialect) {
        JsonNode tree = doc instanceof UnknownDocument u ? u.tree() : ModelMapper.TREE.valueToTree(doc);
        return Downgrader.downgrade(tree, dialect);
    }

    /** The document as YAML or JSON text in the given generation. */
    public static String write(WireDocument doc, Format format, Dialect dialect) {
        return text(toTree(doc, dialect), format);
    }

    /** A tree of the newest shape as YAML or JSON text in the given generation. */
    public static String writeTree(JsonNode tree, Format format, Dialect dialect) {
        return text(Downgrader.downgrade(tree, dialect), format);
    }

    /** As {@link #writeTree}, as UTF-8 bytes, with JSON on one line (for the wire, where nobody reads indentation). */
    public static byte[] writeCompact(JsonNode tree, Format format, Dialect dialect) {
        JsonNode t = Downgrader.downgrade(tree, dialect);
        return format == Format.JSON ? ModelMapper.TREE.writeValueAsBytes(t) : ModelMapper.YAML_OUT.writeValueAsBytes(t);
    }

    private static String text(JsonNode tree, Format format) {
        return format == Format.JSON ? ModelMapper.JSON_OUT.writeValueAsString(tree) + "\n"
                : ModelMapper.YAML_OUT.writeValueAsString(tree);
    }

    /** The document in the newest generation. */
    public static String write(WireDocument doc, Format format) {
        return write(doc, format, Dialect.NEWEST);
    }

    /** "an offer set", "a session", ... */
    public static String describe(WireDocument doc) {
        if (doc instanceof ExecutionRequest) {
            return "an execution request";
        }
        if (doc instanceof OfferSet) {
            return "an offer set";
        }
        if (doc instanceof ExecutionSession) {
            return "an execution session";
        }
        return doc instanceof Update ? "an update" : "not an ExecutionBroker document";
    }
}
