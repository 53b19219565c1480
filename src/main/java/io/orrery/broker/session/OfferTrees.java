package io.orrery.broker.session;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Offers are kept as deflated compact JSON (a few hundred bytes each, so that a broker holding tens of thousands
 * of offers stays small) and turned back into trees when they are rendered.
 */
public final class OfferTrees {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Deflaters and inflaters hold native buffers: one of each per thread, reset between uses. */
    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED));
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(Inflater::new);

    private OfferTrees() {}

    public static byte[] pack(JsonNode tree) {
        byte[] raw = JSON.writeValueAsBytes(tree);
        Deflater d = DEFLATER.get();
        try {
            d.setInput(raw);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            d.reset();
        }
    }

    public static ObjectNode unpack(byte[] packed) {
        Inflater i = INFLATER.get();
        try {
            i.setInput(packed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!i.finished()) {
                int n = i.inflate(buf);
                if (n == 0 && (i.needsInput() || i.needsDictionary())) {
                    throw new IllegalStateException("a stored offer is truncated");
                }
                out.write(buf, 0, n);
            }
            return (ObjectNode) JSON.readTree(out.toByteArray());
        } catch (DataFormatException e) {
            throw new IllegalStateException("a stored offer is corrupt", e);
        } finally {
            i.reset();
        }
    }
}
