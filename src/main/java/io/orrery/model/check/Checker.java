package io.orrery.model.check;

import io.orrery.model.codec.Format;
import io.orrery.model.codec.ParsedDocument;
import io.orrery.model.codec.SyntaxException;
import io.orrery.model.codec.WireCodec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Everything wrong in a text, syntax and meaning, placed at line and column: what {@code orrery validate} prints. */
public final class Checker {
    private Checker() {}

    public static List<LocatedFinding> check(String text, Format format) {
        List<LocatedFinding> found = new ArrayList<>();
        try {
            for (ParsedDocument doc : WireCodec.readAll(text, format)) {
                doc.findings().forEach(f -> found.add(doc.locate(f)));
                doc.document().ifPresent(d -> Validator.validate(d).forEach(f -> found.add(doc.locate(f))));
            }
        } catch (SyntaxException e) {
            found.add(new LocatedFinding(Severity.ERROR, e.position(), e.getMessage(), null));
        }
        found.sort(Comparator.comparing((LocatedFinding f) -> f.position().line())
                .thenComparing(f -> f.position().column()));
        return found;
    }
}
