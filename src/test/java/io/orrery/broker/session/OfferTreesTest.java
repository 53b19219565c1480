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
            assertEquals(t, OfferTrees.unpack(OfferTrees.pack(OfferTrees.json(t))), "size " + size);
        }
    }

    @Test
    void aTruncatedOfferIsReported() {
        byte[] packed = OfferTrees.pack(OfferTrees.json(tree(500)));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> OfferTrees.unpack(Arrays.copyOf(packed, packed.length / 2)));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertEquals(tree(500), OfferTrees.unpack(packed), "the inflater is reset after a failure");
    }

    @Test
    void aCorruptOfferIsReported() {
        byte[] packed = OfferTrees.pack(OfferTrees.json(tree(50)));
        packed[0] = 0x7f;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> OfferTrees.unpack(packed));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }

    /** How the broker packed offers before the dictionary (databases written then hold these). */
    private static byte[] packedWithoutDictionary(byte[] json, byte[] dictionary) {
        java.util.zip.Deflater d = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_SPEED);
        if (dictionary != null) {
            d.setDictionary(dictionary);
        }
        d.setInput(json);
        d.finish();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        while (!d.finished()) {
            out.write(chunk, 0, d.deflate(chunk));
        }
        d.end();
        return out.toByteArray();
    }

    private static ObjectNode offer() throws java.io.IOException {
        try (var in = OfferTreesTest.class.getResourceAsStream("offer-dictionary.json")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String offer = text.substring(text.indexOf('\n') + 1).trim()
                    .replace("00000000-0000-0000-0000-000000000000", java.util.UUID.randomUUID().toString());
            return (ObjectNode) JsonMapper.builder().build().readTree(offer);
        }
    }

    @Test
    void anOfferPackedBeforeTheDictionaryStillReads() throws java.io.IOException {
        ObjectNode offer = offer();
        byte[] old = packedWithoutDictionary(OfferTrees.json(offer), null);
        assertEquals(JsonMapper.builder().build().readTree(OfferTrees.json(offer)), OfferTrees.unpack(old));
    }

    @Test
    void theDictionaryPacksAnOfferSeveralTimesSmaller() throws java.io.IOException {
        byte[] json = OfferTrees.json(offer());
        int with = OfferTrees.pack(json).length;
        int without = packedWithoutDictionary(json, null).length;
        assertTrue(with * 3 < without, json.length + " bytes of JSON pack to " + with + " with the dictionary, "
                + without + " without");
    }

    @Test
    void theDictionaryNeverChanges() {
        // stored offers name it by this checksum: a changed dictionary would make them unreadable
        assertEquals(0x0da024f6, OfferTrees.DICTIONARY_ID, Integer.toHexString(OfferTrees.DICTIONARY_ID));
    }

    @Test
    void anOfferThatNeedsAnUnknownDictionaryIsReported() throws java.io.IOException {
        byte[] other = packedWithoutDictionary(OfferTrees.json(offer()), "another dictionary".getBytes());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> OfferTrees.unpack(other));
        assertTrue(e.getMessage().contains("unknown dictionary"), e.getMessage());
    }
}
