package io.orrery.model.codec;

import io.orrery.model.check.Position;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ContainerNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Parses YAML or JSON text into trees, recording where each node stands. Refuses, with a position, what a broker
 * should never be made to read: texts over {@link #MAX_CHARS}, nesting deeper than {@link #MAX_DEPTH}, YAML aliases
 * (the alias-bomb vector) and duplicate keys.
 */
public final class SourceReader {
    public static final int MAX_CHARS = 4 * 1024 * 1024;
    public static final int MAX_DEPTH = 64;
    public static final int MAX_DOCUMENTS = 100;
    /** The longest YAML line read: a value of {@link TreeLimits#MAX_TEXT} characters with room for its key. */
    public static final int MAX_LINE = TreeLimits.MAX_TEXT + 1024;

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_CHARS).build();
    private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder().streamReadConstraints(LIMITS).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper JSON = JsonMapper.builder(
                    tools.jackson.core.json.JsonFactory.builder().streamReadConstraints(LIMITS).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private SourceReader() {}

    /** Every document in the text (YAML may hold several, separated by {@code ---}), in one pass over the tokens. */
    public static List<SourceDocument> read(String text, Format format) {
        List<TreeBuilder> trees = scan(text, format, false);
        List<SourceDocument> docs = new ArrayList<>();
        for (int i = 0; i < trees.size(); i++) {
            int index = i;
            docs.add(new SourceDocument(trees.get(i).root, () -> scan(text, format, true).get(index).positions));
        }
        return docs;
    }

    /**
     * Builds the trees, and with positions also the position of every node. YAML text that is JSON (JSON is YAML) is
     * read with the JSON parser, which is several times faster and reads a long line in linear time.
     */
    private static List<TreeBuilder> scan(String text, Format format, boolean positions) {
        if (text.length() > MAX_CHARS) {
            throw new SyntaxException("file is larger than " + MAX_CHARS / (1024 * 1024) + " MiB; refused", Position.START);
        }
        if (format == Format.YAML && startsLikeJson(text)) {
            try {
                return scan(text, JSON, positions);
            } catch (SyntaxException notJson) {
                if (notJson.limit()) {
                    throw notJson;
                }
                // YAML's flow style ({kind: x}) or a real mistake: the YAML parser reads it and says which
            }
        }
        if (format == Format.YAML) {
            refuseLongLines(text);
        }
        return scan(text, format == Format.JSON ? JSON : YAML, positions);
    }

    private static boolean startsLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    /**
     * The YAML parser's time grows with the square of a line's length, so a line longer than any value may be
     * (plus room for its key) is refused before parsing: no real document has one.
     */
    private static void refuseLongLines(String text) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - start > MAX_LINE) {
                    throw new SyntaxException("line " + line + " has " + (i - start) + " characters; YAML lines of"
                            + " more than " + MAX_LINE + " are refused (a value may have " + TreeLimits.MAX_TEXT + ")",
                            new Position(line, 1));
                }
                line++;
                start = i + 1;
            }
        }
    }

    private static List<TreeBuilder> scan(String text, ObjectMapper mapper, boolean positions) {
        List<TreeBuilder> docs = new ArrayList<>();
        try (JsonParser p = mapper.createParser(text)) {
            TreeBuilder tree = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (tree == null) {
                    if (docs.size() == MAX_DOCUMENTS) {
                        throw new SyntaxException("more than " + MAX_DOCUMENTS + " documents in one file; refused",
                                position(p.currentTokenLocation()));
                    }
                    tree = new TreeBuilder();
                }
                if (p instanceof YAMLParser y && y.isCurrentAlias()) {
                    throw new SyntaxException("YAML alias '*" + p.getString() + "' is not allowed: write the value out"
                            + " (aliases are refused so that a small file cannot expand into a huge one)",
                            position(p.currentTokenLocation()), true);
                }
                if (positions) {
                    tree.positions.putIfAbsent(p.streamReadContext().pathAsPointer().toString(),
                            position(p.currentTokenLocation()));
                }
                if (tree.add(p, t)) {
                    docs.add(tree);
                    tree = null;
                }
            }
        } catch (JacksonException e) {
            throw syntax(e);
        }
        if (docs.isEmpty()) {
            throw new SyntaxException("the file holds no document", Position.START);
        }
        return docs;
    }

    /** Builds one document's tree from its tokens, as Jackson's own tree reader would. */
    private static final class TreeBuilder {
        private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
        final Map<String, Position> positions = new HashMap<>();
        final ArrayDeque<ContainerNode<?>> open = new ArrayDeque<>();
        JsonNode root;
        String field;

        /** Adds a token; true when the document is complete. */
        boolean add(JsonParser p, JsonToken t) {
            switch (t) {
                case PROPERTY_NAME -> {
                    field = p.currentName();
                    return false;
                }
                case START_OBJECT -> {
                    ObjectNode o = NODES.objectNode();
                    place(o);
                    open.push(o);
                    return false;
                }
                case START_ARRAY -> {
                    ArrayNode a = NODES.arrayNode();
                    place(a);
                    open.push(a);
                    return false;
                }
                case END_OBJECT, END_ARRAY -> {
                    open.pop();
                    return open.isEmpty();
                }
                default -> {
                    place(scalar(p, t));
                    return open.isEmpty();
                }
            }
        }

        private void place(JsonNode node) {
            if (open.isEmpty()) {
                root = node;
            } else if (open.peek() instanceof ObjectNode o) {
                o.set(field, node);
            } else {
                ((ArrayNode) open.peek()).add(node);
            }
        }

        private static JsonNode scalar(JsonParser p, JsonToken t) {
            return switch (t) {
                case VALUE_STRING -> NODES.stringNode(p.getString());
                case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
                case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
                case VALUE_TRUE -> NODES.booleanNode(true);
                case VALUE_FALSE -> NODES.booleanNode(false);
                case VALUE_NULL -> NODES.nullNode();
                default -> p.getEmbeddedObject() instanceof byte[] b ? NODES.binaryNode(b)
                        : NODES.stringNode(String.valueOf(p.getEmbeddedObject()));
            };
        }
    }

    private static SyntaxException syntax(JacksonException e) {
        Position pos = e.getLocation() == null ? Position.START : position(e.getLocation());
        String message;
        if (e instanceof StreamConstraintsException) {
            return new SyntaxException("nesting deeper than " + MAX_DEPTH + " levels (or a value over the size limit);"
                    + " refused", pos, true);
        }
        message = firstLine(e.getOriginalMessage());
        return new SyntaxException(message, pos);
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unreadable text";
        }
        String m = message.strip();
        // snakeyaml messages run over several lines: "while parsing ... in reader, line 1 ... expected ..."
        String[] lines = m.split("\\R");
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            String l = line.strip();
            // skip the source excerpt and caret lines snakeyaml adds (indented by four spaces or more)
            if (l.isEmpty() || line.startsWith("    ") || l.startsWith("in reader") || l.startsWith("at [Source")) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append("; ");
            }
            out.append(l);
            if (out.length() > 160) {
                break;
            }
        }
        return out.isEmpty() ? m : out.toString();
    }

    private static Position position(TokenStreamLocation loc) {
        return new Position(Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
    }
}
