package io.orrery.workbench.editor;

import io.orrery.model.check.Checker;
import io.orrery.model.check.LocatedFinding;
import io.orrery.model.codec.Dialect;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.ParsedDocument;
import io.orrery.model.codec.SyntaxException;
import io.orrery.model.codec.WireCodec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What the editor learns from a text, worked out off the JavaFX thread: the problems, the form's values (when the
 * text is readable), the generation it is written in, and whether it still holds template placeholder kinds. A
 * syntax error is said in plain words where the mistake is ({@link PlainSyntax}).
 */
public record Analysis(String text, List<LocatedFinding> problems, Optional<Map<String, String>> form, Dialect dialect,
                       boolean template, List<FormField> fields, JsonNode tree) {

    public static Analysis of(String text) {
        List<LocatedFinding> problems = new java.util.ArrayList<>(Checker.check(text, Format.guess(null, text)));
        try {
            ParsedDocument doc = WireCodec.read(text, Format.guess(null, text));
            boolean template = problems.stream().anyMatch(f -> f.message().startsWith("template placeholder"));
            List<FormField> fields = FormValues.fields(doc.tree());
            return new Analysis(text, List.copyOf(problems), Optional.of(FormValues.of(doc.tree(), fields)),
                    doc.dialect(), template, fields, doc.tree());
        } catch (SyntaxException e) {
            if (!e.limit()) {
                // the parser's words and position, said plainly where the mistake is
                problems.replaceAll(f -> f.isError() && f.message().equals(e.getMessage())
                        ? PlainSyntax.explain(text, e.getMessage(), e.position()) : f);
            }
            return new Analysis(text, List.copyOf(problems), Optional.empty(), Dialect.NEWEST, false, FormField.ALL, null);
        }
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(LocatedFinding::isError);
    }
}
