package io.orrery.cli;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes that arrive in pieces, as UTF-8 text: a character split between two pieces is held until its end comes;
 * malformed bytes read as U+FFFD.
 */
final class Utf8Text {
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private byte[] pending = new byte[0];

    /** The text these bytes complete. */
    String feed(byte[] bytes) {
        return decode(bytes, false);
    }

    /** What is still held, as text (a character cut short reads as U+FFFD). */
    String finish() {
        String s = decode(new byte[0], true);
        CharBuffer out = CharBuffer.allocate(4);
        decoder.flush(out);
        decoder.reset();
        return s + out.flip();
    }

    private String decode(byte[] bytes, boolean end) {
        ByteBuffer in = ByteBuffer.allocate(pending.length + bytes.length).put(pending).put(bytes).flip();
        CharBuffer out = CharBuffer.allocate(in.remaining() + 4);
        decoder.decode(in, out, end);
        pending = new byte[in.remaining()];
        in.get(pending);
        return out.flip().toString();
    }
}
