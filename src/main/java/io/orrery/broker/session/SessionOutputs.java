package io.orrery.broker.session;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * What a session leaves to read: its standard output and error, its exit code and the files it wrote, each by name
 * ({@code stdout}, {@code stderr}, {@code exit}, {@code outputs/NAME}). Logs grow while the session runs; a reader
 * asks again from the offset it has reached.
 */
public interface SessionOutputs {
    /** A session that leaves nothing (simulated execution). */
    SessionOutputs NONE = new SessionOutputs() {
        @Override
        public List<OutputFile> list(String sessionId) {
            return List.of();
        }

        @Override
        public Optional<InputStream> open(String sessionId, String name, long offset) {
            return Optional.empty();
        }
    };

    /** One thing a session leaves: its name, size in bytes so far, and whether it may still grow. */
    record OutputFile(String name, long size, boolean growing) {
    }

    /** What the session has left so far, in a stable order (logs first); empty for an unknown session. */
    List<OutputFile> list(String sessionId);

    /** The named output from the byte offset on, or empty when there is no such output. */
    Optional<InputStream> open(String sessionId, String name, long offset) throws IOException;
}
