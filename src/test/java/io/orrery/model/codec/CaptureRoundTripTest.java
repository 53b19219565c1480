package io.orrery.model.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.model.UnknownDocument;
import io.orrery.model.WireDocument;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every body a real broker sent or was sent parses, writes and re-parses to an equal model. */
class CaptureRoundTripTest {

    static Stream<CaptureBodies.Body> bodies() throws IOException {
        List<CaptureBodies.Body> all = CaptureBodies.all();
        assertTrue(all.size() > 80, "expected the captured exchanges, found " + all.size() + " bodies");
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void roundTrips(CaptureBodies.Body body) {
        Format format = Format.guess(null, body.text());
        List<ParsedDocument> docs;
        try {
            docs = WireCodec.readAll(body.text(), format);
        } catch (SyntaxException e) {
            assertTrue(body.file().getFileName().toString().contains("malformed"),
                    body + " is not readable: " + e.getMessage() + " at " + e.position());
            return;
        }
        for (ParsedDocument parsed : docs) {
            WireDocument doc = parsed.document().orElseThrow(() -> new AssertionError(body + ": " + parsed.findings()));
            if (body.text().contains("/kinds/") || body.text().contains("/types/")) {
                assertFalse(doc instanceof UnknownDocument, body + " was not recognised as an ExecutionBroker document");
            }
            for (Dialect dialect : List.of(parsed.dialect(), Dialect.NEWEST)) {
                for (Format out : Format.values()) {
                    String written = WireCodec.write(doc, out, dialect);
                    WireDocument again = WireCodec.read(written, out).document()
                            .orElseThrow(() -> new AssertionError(body + " rewritten unreadable:\n" + written));
                    if (doc instanceof UnknownDocument) {
                        assertEquals(doc, again, body + " unknown document changed");
                    } else {
                        assertEquals(doc, again, body + " changed after a round trip through " + dialect.id() + " "
                                + out + ":\n" + written);
                    }
                }
            }
        }
    }
}
