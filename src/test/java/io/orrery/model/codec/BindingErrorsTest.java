package io.orrery.model.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.orrery.model.SessionPhase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

/** A binding error as a pointer and a sentence, for each kind of value a field may expect. */
class BindingErrorsTest {
    record Inner(String s) {
    }

    record Target(Long big, int small, double d, Boolean b, boolean flag, String s, List<String> l,
            Map<String, String> m, Inner inner, SessionPhase phase, List<Inner> items) {
    }

    private static JacksonException fail(String json) {
        return assertThrows(JacksonException.class,
                () -> ModelMapper.TREE.treeToValue(ModelMapper.TREE.readTree(json), Target.class));
    }

    private static String message(String json) {
        return BindingErrors.message(fail(json));
    }

    @Test
    void namesTheExpectedTypeAndTheValueFound() {
        assertEquals("expected a whole number, found 'many'", message("{\"big\": \"many\"}"));
        assertEquals("expected a whole number, found 'two'", message("{\"small\": \"two\"}"));
        assertEquals("expected a number, found 'lots'", message("{\"d\": \"lots\"}"));
        assertEquals("expected true or false, found 'perhaps'", message("{\"b\": \"perhaps\"}"));
        assertEquals("expected true or false, found 'maybe'", message("{\"flag\": \"maybe\"}"));
        assertEquals("expected a SessionPhase, found 'NAPPING'", message("{\"phase\": \"NAPPING\"}"));
    }

    @Test
    void namesTheShapeExpected() {
        assertEquals("expected a text value here", message("{\"s\": {\"a\": 1}}"));
        assertEquals("expected a list here", message("{\"l\": {\"a\": 1}}"));
        assertEquals("expected a mapping (key: value block) here", message("{\"m\": [1]}"));
        assertEquals("expected a mapping (key: value block) here", message("{\"inner\": [1]}"));
        assertEquals("expected a whole number here", message("{\"small\": [1]}"));
    }

    @Test
    void pointsAtTheFieldAndItem() {
        assertEquals("/items/1/s", BindingErrors.pointer(fail("{\"items\": [{\"s\": \"a\"}, {\"s\": [1]}]}")));
        assertEquals("/m/a~1b~0c", BindingErrors.pointer(fail("{\"m\": {\"a/b~c\": [1]}}")));
    }

    @Test
    void aNumberTooLargeSaysSo() {
        String msg = message("{\"small\": 12345678901234}");
        assertEquals("a number too large for this field: Numeric value (12345678901234) out of range of `int`", msg);
    }
}
