package io.orrery.client;

/**
 * A piece of one output of a session (a log, the exit code, a file), read from a byte offset.
 *
 * @param bytes what was read (at most what one read returns; ask again from {@code next} for more)
 * @param next the offset to ask from next time
 * @param growing whether the output may still grow (the session still runs); false once it is complete
 */
public record OutputChunk(byte[] bytes, long next, boolean growing) {
    public OutputChunk {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
