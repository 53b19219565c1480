package io.orrery.workbench.editor;

import java.util.Collection;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/** A small regex-based YAML highlighter for the RichTextFX editor: keys, strings, numbers, booleans, comments. */
public final class YamlHighlighter {
    private static final Pattern PATTERN = Pattern.compile(
            "(?<COMMENT>#[^\\n]*)"
                    + "|(?<KEY>^[ \\t]*(?:- )?[A-Za-z0-9_.-]+(?=:))"
                    + "|(?<STRING>\"(?:[^\"\\\\\\n]|\\\\.)*\"|'[^'\\n]*')"
                    + "|(?<NUMBER>\\b-?\\d+(?:\\.\\d+)?\\b)"
                    + "|(?<BOOL>\\b(?:true|false|null|yes|no)\\b)"
                    + "|(?<DASH>^[ \\t]*-(?= ))",
            Pattern.MULTILINE);

    private YamlHighlighter() {}

    public static StyleSpans<Collection<String>> compute(String text) {
        Matcher m = PATTERN.matcher(text);
        int last = 0;
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        while (m.find()) {
            String cls = m.group("COMMENT") != null ? "yaml-comment"
                    : m.group("KEY") != null ? "yaml-key"
                    : m.group("STRING") != null ? "yaml-string"
                    : m.group("NUMBER") != null ? "yaml-number"
                    : m.group("BOOL") != null ? "yaml-bool"
                    : "yaml-dash";
            spans.add(Collections.emptyList(), m.start() - last);
            spans.add(Collections.singleton(cls), m.end() - m.start());
            last = m.end();
        }
        spans.add(Collections.emptyList(), text.length() - last);
        return spans.create();
    }
}
