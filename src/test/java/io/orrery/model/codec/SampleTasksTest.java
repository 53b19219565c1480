package io.orrery.model.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.model.ExecutionRequest;
import io.orrery.model.WireDocument;
import io.orrery.model.check.Finding;
import io.orrery.model.check.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped sample tasks: valid, commented, and lossless through every generation of the format. */
class SampleTasksTest {

    static Stream<Path> samples() throws IOException {
        Path dir = Path.of(System.getProperty("orrery.samples", "sample-tasks"));
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertTrue(list.size() >= 15, "at least 15 sample tasks, found " + list.size());
            return list.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void isACommentedValidRequest(Path sample) throws IOException {
        String text = Files.readString(sample);
        assertTrue(text.startsWith("#"), sample + " opens with a comment saying what it shows");
        ParsedDocument parsed = WireCodec.read(text, Format.YAML);
        WireDocument doc = parsed.document().orElseThrow(() -> new AssertionError(parsed.findings().toString()));
        assertInstanceOf(ExecutionRequest.class, doc);
        List<Finding> errors = Stream.concat(parsed.findings().stream(), Validator.validate(doc).stream())
                .filter(Finding::isError).toList();
        assertEquals(List.of(), errors, sample + " has errors");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void survivesEveryGenerationAndFormat(Path sample) throws IOException {
        ParsedDocument parsed = WireCodec.read(Files.readString(sample), Format.YAML);
        WireDocument doc = parsed.document().orElseThrow();
        for (Dialect dialect : Dialect.values()) {
            for (Format format : Format.values()) {
                String written = WireCodec.write(doc, format, dialect);
                ParsedDocument again = WireCodec.read(written, format);
                assertEquals(dialect, again.dialect(),
                        "dialect of the rewritten text");
                assertEquals(doc, again.document().orElseThrow(), sample + " changed through " + dialect.id()
                        + " " + format + ":\n" + written);
            }
        }
    }
}
