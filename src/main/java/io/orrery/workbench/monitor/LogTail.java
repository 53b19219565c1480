package io.orrery.workbench.monitor;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The end of one log as text, kept to at most {@link #KEEP} characters: bytes are decoded as UTF-8 as they arrive
 * (a character split between two reads is joined), and once the text passes the limit its oldest part is dropped
 * (down to three quarters of it, so that dropping is rare). A listener hears each piece appended, or the whole text
 * when the beginning was dropped. Used on one thread (the UI's).
 */
public final class LogTail {
    /** The most text kept: 1 Mi characters (1 MiB of ASCII). */
    public static final int KEEP = 1 << 20;

    /** Hears what changed: a piece added at the end, or all of the text after its beginning was dropped. */
    public interface Listener {
        void appended(String piece);

        void replaced(String all);
    }

    private static final Listener NONE = new Listener() {
        @Override
        public void appended(String piece) {
        }

        @Override
        public void replaced(String all) {
        }
    };

    private final String name;
    private final int keep;
    private final StringBuilder text = new StringBuilder();
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private byte[] carry = new byte[0];
    private long offset;
    private long skipped;
    private boolean complete;
    private Listener listener = NONE;

    public LogTail(String name) {
        this(name, KEEP);
    }

    LogTail(String name, int keep) {
        this.name = name;
        this.keep = keep;
    }

    /** The output's name ({@code stdout}, {@code stderr}). */
    public String name() {
        return name;
    }

    /** The text kept. */
    public String text() {
        return text.toString();
    }

    /** The byte offset read up to. */
    public long offset() {
        return offset;
    }

    /** Whether the log has been read to its end and will not grow. */
    public boolean complete() {
        return complete;
    }

    /** Bytes and characters of the beginning of the log not shown (never read, or dropped); 0 when all is shown. */
    public long skipped() {
        return skipped;
    }

    /** Listens from now on (one listener at a time; null for none). */
    public void listen(Listener l) {
        listener = l == null ? NONE : l;
    }

    /** Starts over, empty, reading from that offset (the bytes before it are counted as skipped). */
    public void reset(long from) {
        text.setLength(0);
        carry = new byte[0];
        decoder.reset();
        offset = Math.max(0, from);
        skipped = offset;
        complete = false;
        listener.replaced("");
    }

    /**
     * Adds the bytes read from {@code at} (ignored unless that is where this tail has read up to, so a late or
     * repeated answer never doubles text); {@code growing} false and no bytes mark the log complete.
     */
    public void add(long at, byte[] bytes, boolean growing) {
        if (at != offset) {
            return;
        }
        offset += bytes.length;
        if (bytes.length == 0) {
            complete = !growing;
            return;
        }
        String piece = decode(bytes);
        text.append(piece);
        if (text.length() > keep) {
            int drop = text.length() - keep * 3 / 4;
            text.delete(0, drop);
            skipped += drop;
            listener.replaced(text.toString());
        } else if (!piece.isEmpty()) {
            listener.appended(piece);
        }
    }

    private String decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.allocate(carry.length + bytes.length).put(carry).put(bytes).flip();
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        decoder.decode(in, out, false);
        carry = new byte[in.remaining()];
        in.get(carry);
        return out.flip().toString();
    }
}
