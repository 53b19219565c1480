package io.orrery.model.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FormatTest {
    @Test
    void guessesByFileNameThenByTheFirstBrace() {
        assertEquals(Format.JSON, Format.guess(Path.of("dir/Request.JSON"), "a: 1"));
        assertEquals(Format.JSON, Format.guess(null, "  \n{\"a\": 1}"));
        assertEquals(Format.YAML, Format.guess(Path.of("request.yaml"), "[1]"));
        assertEquals(Format.YAML, Format.guess(null, "a: {b: 1}"));
    }

    @Test
    void namesAndMediaTypes() {
        assertEquals(Format.YAML, Format.byName(" yaml "));
        assertEquals(Format.JSON, Format.byName("Json"));
        assertEquals("application/yaml", Format.YAML.mediaType());
        assertEquals("application/json", Format.JSON.mediaType());
    }
}
