package io.orrery.workbench.editor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Changes one value in a YAML text and leaves every other character as it was: comments, order, quoting and
 * layout elsewhere survive a form edit. Works on block and flow mappings; adds missing keys (and parents) in the
 * style of the mapping they go into; removes a key with its line.
 */
public final class YamlPatcher {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./+@-][A-Za-z0-9_./+@:=, -]*");
    private static final Pattern RESERVED = Pattern.compile(
            "(?i)(true|false|yes|no|on|off|null|~|y|n)|[-+]?[0-9][0-9_.eE+-]*|.*(:| #).*|.*\\s$");

    private YamlPatcher() {}

    /** Where a node stands in the text. */
    private static final class Span {
        int start;
        int end;
        int keyStart = -1;
        int childColumn = -1;
        boolean flow;
        boolean container;
    }

    /** A scalar written the YAML way (a list as a flow sequence): numbers and safe words plain, else quoted. */
    public static String scalar(Object value) {
        if (value instanceof List<?> list) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(scalar(list.get(i)));
            }
            return b.append(']').toString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        String s = String.valueOf(value);
        if (PLAIN.matcher(s).matches() && !RESERVED.matcher(s).matches()) {
            return s;
        }
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                default -> q.append(c);
            }
        }
        return q.append('"').toString();
    }

    /**
     * The text with the value at path (keys, or indices of existing list items) set to value (written with
     * {@link #scalar}); null removes the key. Throws {@link IllegalArgumentException} if the text is not YAML.
     */
    public static String set(String text, List<String> path, Object value) {
        Map<String, Span> spans = scan(text);
        String pointer = pointer(path);
        Span at = spans.get(pointer);
        if (value == null) {
            return at == null ? text : remove(text, at);
        }
        String scalar = scalar(value);
        if (at != null && (!at.container || value instanceof List<?>)) {
            int end = at.container && !at.flow ? lastContent(text, at.end) + 1 : at.end;
            return text.substring(0, at.start) + scalar + text.substring(end);
        }
        if (at != null) {
            throw new IllegalArgumentException(pointer + " holds a block, not a value");
        }
        int depth = path.size() - 1;
        while (depth > 0 && !spans.containsKey(pointer(path.subList(0, depth)))) {
            depth--;
        }
        Span parent = spans.get(pointer(path.subList(0, depth)));
        List<String> missing = path.subList(depth, path.size());
        if (parent == null || !parent.container) {
            return append(text, missing, scalar, 0);
        }
        if (parent.flow) {
            StringBuilder inner = new StringBuilder(missing.get(missing.size() - 1)).append(": ").append(scalar);
            for (int i = missing.size() - 2; i >= 0; i--) {
                inner = new StringBuilder(missing.get(i)).append(": {").append(inner).append('}');
            }
            int close = parent.end - 1;
            boolean empty = text.substring(parent.start + 1, close).isBlank();
            return text.substring(0, close) + (empty ? "" : ", ") + inner + text.substring(close);
        }
        int lineEnd = text.indexOf('\n', parent.end - 1 < parent.start ? parent.start : lastContent(text, parent.end));
        int insertAt = lineEnd < 0 ? text.length() : lineEnd;
        int column = parent.childColumn < 0 ? 0 : parent.childColumn;
        return text.substring(0, insertAt) + "\n" + block(missing, scalar, column) + text.substring(insertAt);
    }

    /** Whether the text has a node at path (keys, or indices of list items); throws as {@link #set} does. */
    public static boolean has(String text, List<String> path) {
        return scan(text).containsKey(pointer(path));
    }

    /**
     * The text with a mapping item added at the end of the list at path (created if missing), in the list's style:
     * {@code - key: value} lines in a block list, {@code {key: value}} in a flow list.
     */
    public static String appendItem(String text, List<String> path, Map<String, Object> item) {
        Map<String, Span> spans = scan(text);
        Span list = spans.get(pointer(path));
        if (list == null) {
            StringBuilder first = new StringBuilder();
            item.forEach((k, v) -> first.append(first.isEmpty() ? "" : ", ").append(k).append(": ").append(scalar(v)));
            String flowItem = "[{" + first + "}]";
            String withList = set(text, path, "PLACEHOLDER-" + flowItem.hashCode());
            return withList.replace(scalar("PLACEHOLDER-" + flowItem.hashCode()), flowItem);
        }
        if (list.flow) {
            StringBuilder entry = new StringBuilder("{");
            item.forEach((k, v) -> entry.append(entry.length() == 1 ? "" : ", ").append(k).append(": ").append(scalar(v)));
            entry.append('}');
            int close = list.end - 1;
            boolean empty = text.substring(list.start + 1, close).isBlank();
            return text.substring(0, close) + (empty ? "" : ", ") + entry + text.substring(close);
        }
        int column = column(text, list.start);
        StringBuilder lines = new StringBuilder();
        boolean first = true;
        for (Map.Entry<String, Object> e : item.entrySet()) {
            lines.append('\n').append(" ".repeat(column)).append(first ? "- " : "  ").append(e.getKey()).append(": ")
                    .append(scalar(e.getValue()));
            first = false;
        }
        int lineEnd = text.indexOf('\n', lastContent(text, list.end));
        int insertAt = lineEnd < 0 ? text.length() : lineEnd;
        return text.substring(0, insertAt) + lines + text.substring(insertAt);
    }

    private static int column(String text, int offset) {
        return offset - (text.lastIndexOf('\n', offset - 1) + 1);
    }

    private static String append(String text, List<String> missing, String scalar, int column) {
        String sep = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
        return text + sep + block(missing, scalar, column) + "\n";
    }

    /** Keys as nested block lines, the last with the value, starting at column. */
    private static String block(List<String> keys, String scalar, int column) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            b.append(" ".repeat(column + 2 * i)).append(keys.get(i)).append(':');
            b.append(i == keys.size() - 1 ? " " + scalar : "\n");
        }
        return b.toString();
    }

    /** The offset of the last non-blank character before end. */
    private static int lastContent(String text, int end) {
        int i = Math.min(end, text.length()) - 1;
        while (i > 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return Math.max(0, i);
    }

    private static String remove(String text, Span at) {
        int from = at.keyStart < 0 ? at.start : at.keyStart;
        int to = at.container && !at.flow ? lastContent(text, at.end) + 1 : at.end;
        String before = text.substring(0, from);
        int lineStart = before.lastIndexOf('\n') + 1;
        if (before.substring(lineStart).isBlank()) {
            int lineEnd = text.indexOf('\n', to);
            return text.substring(0, lineStart) + (lineEnd < 0 ? "" : text.substring(lineEnd + 1));
        }
        String after = text.substring(to);
        if (before.stripTrailing().endsWith(",")) {
            return before.stripTrailing().substring(0, before.stripTrailing().length() - 1) + after;
        }
        return before + after.replaceFirst("^\\s*,\\s*", "");
    }

    private static String pointer(List<String> path) {
        StringBuilder b = new StringBuilder();
        path.forEach(p -> b.append('/').append(p.replace("~", "~0").replace("/", "~1")));
        return b.toString();
    }

    /** Every node's span, by JSON pointer. */
    private static Map<String, Span> scan(String text) {
        Map<String, Span> out = new HashMap<>();
        Map<String, Integer> keyStarts = new HashMap<>();
        java.util.ArrayDeque<Span> open = new java.util.ArrayDeque<>();
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                String ptr = p.streamReadContext().pathAsPointer().toString();
                int start = (int) p.currentTokenLocation().getCharOffset();
                int end = (int) p.currentLocation().getCharOffset();
                if (t == JsonToken.PROPERTY_NAME) {
                    keyStarts.put(ptr, start);
                    Span parent = open.peek();
                    if (parent != null && parent.childColumn < 0) {
                        parent.childColumn = p.currentTokenLocation().getColumnNr() - 1;
                    }
                    continue;
                }
                if (t.isStructStart()) {
                    Span s = new Span();
                    s.container = true;
                    s.start = start;
                    s.flow = start < text.length() && (text.charAt(start) == '{' || text.charAt(start) == '[');
                    s.keyStart = keyStarts.getOrDefault(ptr, -1);
                    out.put(ptr, s);
                    open.push(s);
                } else if (t.isStructEnd()) {
                    Span s = open.pop();
                    s.end = s.flow ? end : s.end;
                    if (!open.isEmpty()) {
                        open.peek().end = Math.max(open.peek().end, s.end);
                    }
                } else {
                    Span s = new Span();
                    s.start = start;
                    s.end = end;
                    s.keyStart = keyStarts.getOrDefault(ptr, -1);
                    out.put(ptr, s);
                    if (!open.isEmpty()) {
                        open.peek().end = Math.max(open.peek().end, end);
                    }
                }
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not YAML: " + e.getOriginalMessage(), e);
        }
        return out;
    }
}
