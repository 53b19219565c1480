package io.orrery.broker.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Stored offers are deflated JSON: they come back equal, and a damaged one is a clear error, not a hang. */
class OfferTreesTest {
    private static ObjectNode tree(int size) {
        ObjectNode t = JsonMapper.builder().build().createObjectNode();
        Random random = new Random(7);
        for (int i = 0; i < size; i++) {
            t.put("k" + i, Long.toString(random.nextLong(), 36));
        }
        return t;
    }

    @Test
    void packedTreesComeBackEqualWhateverTheirSize() {
        for (int size : new int[] {0, 1, 50, 5_000}) {
            ObjectNode t = tree(size);
            assertEquals(t, OfferTrees.unpack(OfferTrees.pack(t)), "size " + size);
        }
    }

    @Test
    void aTruncatedOfferIsReported() {
        byte[] packed = OfferTrees.pack(tree(500));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> OfferTrees.unpack(Arrays.copyOf(packed, packed.length / 2)));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertEquals(tree(500), OfferTrees.unpack(packed), "the inflater is reset after a failure");
    }

    @Test
    void aCorruptOfferIsReported() {
        byte[] packed = OfferTrees.pack(tree(50));
        packed[0] = 0x7f;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> OfferTrees.unpack(packed));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }
}
