package io.orrery.broker.session;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.Adler32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Offers are kept as deflated compact JSON (a few hundred bytes each, so that a broker holding tens of thousands
 * of offers stays small) and turned back into trees when they are rendered. Every offer of every request passes
 * through here, so the text and the deflated bytes are made in per-thread buffers, and only the result is allocated.
 *
 * <p>Deflation starts from a preset dictionary, a typical offer ({@code offer-dictionary.json}): the field names,
 * kind URIs and descriptions every offer repeats then cost a few bytes each, and an offer packs to about a quarter
 * of what it took without (a 3,535-byte offer: 225 bytes, 955 without). An offer packed without it (an older
 * database) still reads: zlib names the dictionary a stream needs by its Adler-32, and only that one is given. The
 * dictionary must never change (stored offers would become unreadable); a new one would be added beside it, under
 * its own checksum.
 */
public final class OfferTrees {
    private static final byte[] DICTIONARY = dictionary();
    /** The dictionary's Adler-32, as zlib names it in a stream that needs it. */
    static final int DICTIONARY_ID = adler32(DICTIONARY);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Deflaters and inflaters hold native buffers: one of each per thread, reset between uses. */
    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED));
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(Inflater::new);
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
    /** A thread keeps at most this much scratch space between offers; a larger offer's is dropped after use. */
    static final int KEPT = 64 * 1024;

    private OfferTrees() {}

    /** An offer as compact JSON, as an answer writes it, to be packed by {@link #pack(byte[])} and sent as it is. */
    public static byte[] json(JsonNode tree) {
        return io.orrery.model.codec.WireCodec.writeCompact(tree, io.orrery.model.codec.Format.JSON,
                io.orrery.model.codec.Dialect.NEWEST);
    }

    /** Packs an offer already written as compact JSON by {@link #json}. */
    public static byte[] pack(byte[] json) {
        Scratch s = SCRATCH.get();
        Deflater d = DEFLATER.get();
        try {
            d.setDictionary(DICTIONARY);
            d.setInput(json);
            d.finish();
            while (!d.finished()) {
                s.packed.write(s.chunk, 0, d.deflate(s.chunk));
            }
            return s.packed.toByteArray();
        } finally {
            d.reset();
            s.done();
        }
    }

    public static ObjectNode unpack(byte[] packed) {
        Scratch s = SCRATCH.get();
        Inflater i = INFLATER.get();
        try {
            i.setInput(packed);
            while (!i.finished()) {
                int n = i.inflate(s.chunk);
                if (n == 0 && i.needsDictionary()) {
                    if (i.getAdler() != DICTIONARY_ID) {
                        throw new IllegalStateException("a stored offer needs an unknown dictionary");
                    }
                    i.setDictionary(DICTIONARY);
                } else if (n == 0 && i.needsInput()) {
                    throw new IllegalStateException("a stored offer is truncated");
                }
                s.text.write(s.chunk, 0, n);
            }
            return (ObjectNode) JSON.readTree(s.text.bytes(), 0, s.text.size());
        } catch (DataFormatException e) {
            throw new IllegalStateException("a stored offer is corrupt", e);
        } finally {
            i.reset();
            s.done();
        }
    }

    private static byte[] dictionary() {
        try (InputStream in = OfferTrees.class.getResourceAsStream("offer-dictionary.json")) {
            if (in == null) {
                throw new IllegalStateException("offer-dictionary.json is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int adler32(byte[] bytes) {
        Adler32 a = new Adler32();
        a.update(bytes);
        return (int) a.getValue();
    }

    /** A thread's buffers: the offer's text, its deflated bytes, and a chunk to move them through. */
    private static final class Scratch {
        private Buffer text = new Buffer();
        private Buffer packed = new Buffer();
        private final byte[] chunk = new byte[4096];

        /** Empties the buffers for the next offer, dropping any that grew past {@link #KEPT}. */
        void done() {
            text = text.capacity() > KEPT ? new Buffer() : text;
            packed = packed.capacity() > KEPT ? new Buffer() : packed;
            text.reset();
            packed.reset();
        }
    }

    /** A byte buffer whose content is read in place. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(8192);
        }

        byte[] bytes() {
            return buf;
        }

        int capacity() {
            return buf.length;
        }
    }
}
