package io.orrery.server;

import io.orrery.broker.BrokerCore;
import io.orrery.model.Update;
import io.orrery.model.codec.Dialect;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.SourceReader;
import io.orrery.model.codec.SyntaxException;
import io.orrery.model.legacy.LegacyBodyException;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What the older protocols' routes share: a body read as a plain tree, answers in JSON, and freeing unused offers. */
final class LegacyBody {
    private LegacyBody() {}

    /** The body as a tree (JSON or YAML, by Content-Type or guessed); 400 with the position when it is not. */
    static JsonNode read(Exchange ex, String what) {
        String text = ex.body();
        if (text.isBlank()) {
            throw new HttpProblem(400, "Bad Request", "the body is empty: send " + what);
        }
        Format format = ex.bodyFormat(text);
        try {
            var docs = SourceReader.read(text, format);
            if (docs.size() != 1) {
                throw new HttpProblem(400, "Bad Request", "send one document: " + what);
            }
            return docs.get(0).tree();
        } catch (SyntaxException e) {
            throw new HttpProblem(400, "Bad Request", List.of(new HttpProblem.Detail(e.getMessage(),
                    e.position().line(), e.position().column(), null)), Map.of());
        }
    }

    /** A body that cannot be translated, as a 400 naming the field. */
    static HttpProblem problem(LegacyBodyException e) {
        return new HttpProblem(400, "Bad Request", List.of(new HttpProblem.Detail(e.getMessage(), 0, 0, e.field())),
                Map.of());
    }

    /** Answers in JSON unless the client asks for YAML (these protocols spoke JSON). */
    static void send(Exchange ex, int code, JsonNode answer) {
        ex.send(code, answer, ex.answerFormat(Format.JSON), Dialect.NEWEST, Map.of());
    }

    /** Rejects the offers of a set but {@code keep} (null: all), so that they hold no capacity. */
    static void release(BrokerCore core, JsonNode offerSet, String keep) {
        for (JsonNode o : offerSet.path("offers")) {
            String id = o.path("meta").path("uuid").asString("");
            if (!id.isEmpty() && !id.equals(keep)) {
                core.updateTree(id, Update.phase("REJECTED"));
            }
        }
    }
}
