package io.orrery.workbench.editor;

import io.orrery.model.check.LocatedFinding;
import io.orrery.model.check.Position;
import io.orrery.model.check.Severity;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * A syntax error in words a person uses, at the line where the mistake is rather than where the parser gave up: an
 * unclosed {@code {} or {@code [} is reported where it was opened ("this '{' is never closed"), a stray closer where
 * it stands, an unclosed quote where it starts; the parser's other complaints are said plainly at its position.
 */
public final class PlainSyntax {
    private PlainSyntax() {}

    /** A bracket or quote as found in the text. */
    private record Mark(char c, int line, int column) {
    }

    /** The error explained: brackets and quotes first (they place the mistake best), else the parser's words. */
    public static LocatedFinding explain(String text, String parserMessage, Position at) {
        LocatedFinding brackets = brackets(text);
        if (brackets != null) {
            return brackets;
        }
        return new LocatedFinding(Severity.ERROR, at, words(parserMessage, text, at), null);
    }

    /**
     * The first bracket or quote that does not pair up: an opener never closed, a closer that closes nothing, or a
     * closer of the wrong shape; null when every bracket pairs. Flow brackets are told from plain text the way YAML
     * does: a bracket or quote opens only where a value starts (after ':', '-', ',', another bracket, or at the
     * start of a line); comments are skipped.
     */
    static LocatedFinding brackets(String text) {
        Deque<Mark> open = new ArrayDeque<>();
        int line = 1;
        int column = 0;
        char quote = 0;
        Mark quoteMark = null;
        boolean comment = false;
        char before = '\n'; // the last character that was not a space, on this line ('\n' at its start)
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            column++;
            if (c == '\n') { // quotes may span lines; comments end here
                line++;
                column = 0;
                comment = false;
                before = '\n';
                continue;
            }
            if (comment) {
                continue;
            }
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                    column++;
                } else if (c == quote) {
                    if (quote == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                        i++;
                        column++;
                    } else {
                        quote = 0;
                        before = c;
                    }
                }
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r') {
                continue;
            }
            boolean valueStart = before == '\n' || before == ':' || before == '-' || before == ',' || before == '?'
                    || before == '[' || before == '{';
            if (c == '#' && (column == 1 || Character.isWhitespace(text.charAt(i - 1)))) {
                comment = true;
                continue;
            }
            if ((c == '"' || c == '\'') && valueStart) {
                quote = c;
                quoteMark = new Mark(c, line, column);
            } else if ((c == '{' || c == '[') && (valueStart || !open.isEmpty())) {
                open.push(new Mark(c, line, column));
            } else if ((c == '}' || c == ']') && !open.isEmpty()) {
                Mark o = open.pop();
                char wanted = o.c() == '{' ? '}' : ']';
                if (c != wanted) {
                    return at(o, "this '" + o.c() + "' is never closed: a '" + wanted + "' is missing before the '" + c
                            + "' on line " + line + (o.c() == '{' ? " (a mapping written {key: value, ...})"
                            : " (a list written [a, b, ...])"));
                }
            } else if ((c == '}' || c == ']') && valueStart) {
                return at(new Mark(c, line, column), "this '" + c + "' closes nothing: remove it, or add the '"
                        + (c == '}' ? '{' : '[') + "' it belongs to");
            }
            before = c;
        }
        if (quote != 0) {
            return at(quoteMark, "this " + (quote == '"' ? "double" : "single") + " quote is never closed: add the"
                    + " closing " + quote + " where the text it quotes ends");
        }
        if (!open.isEmpty()) {
            Mark o = open.peek(); // the innermost: the nearest to where the closer is missing
            char wanted = o.c() == '{' ? '}' : ']';
            return at(o, "this '" + o.c() + "' is never closed: add a '" + wanted + "' where its "
                    + (o.c() == '{' ? "mapping" : "list") + " ends (the text ends on line " + line + " without one)");
        }
        return null;
    }

    private static LocatedFinding at(Mark m, String message) {
        return new LocatedFinding(Severity.ERROR, new Position(m.line(), m.column()), message, null);
    }

    /** The parser's complaint in plain words (its own words, without the jargon, when it says something else). */
    static String words(String parser, String text, Position at) {
        String p = parser == null ? "" : parser.toLowerCase(Locale.ROOT);
        if (p.contains("tab")) {
            return "a tab is used for indenting here: YAML indents with spaces only";
        }
        if (p.contains("mapping values are not allowed")) {
            return "a ':' here is not expected: check this line's indentation against the lines above it, or put"
                    + " the value in quotes if it contains ': '";
        }
        if (p.contains("could not find expected ':'")) {
            return "a key needs a ':' after it (key: value)";
        }
        if (p.contains("did not find expected key") || p.contains("expected <block end>")) {
            return "this line's indentation does not fit the lines above it: indent it like its neighbours";
        }
        if (p.contains("did not find expected '-'")) {
            return "a list item here needs a '- ' at the same indentation as the items above it";
        }
        if (p.contains("unexpected end") || p.contains("end of stream") || p.contains("end-of-input")) {
            return "the text ends before what is written is complete";
        }
        if (p.contains("unexpected character") || p.contains("unrecognized token")) {
            return "this character cannot stand here: " + parser.replaceFirst("(?s)\\s*at \\[Source.*", "");
        }
        String plain = parser == null ? "" : parser.replaceAll("(?i)while (parsing|scanning) an? [a-z ]+;\\s*", "")
                .replaceAll("\\s*\\(?at \\[Source.*", "").strip();
        return plain.isEmpty() ? "the text cannot be read as YAML or JSON here" : "cannot read this: " + plain;
    }
}
