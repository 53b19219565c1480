package io.orrery.engine;

import java.nio.file.Path;

/**
 * One place a container engine may listen, and what probing it found.
 *
 * @param engine {@code docker} or {@code podman}: from the answer when there is one, else guessed from the path
 * @param socket the Unix socket (for a non-Unix {@code DOCKER_HOST}, its value)
 * @param from where the place came from: {@code DOCKER_HOST}, {@code default}, {@code XDG_RUNTIME_DIR} or
 *     {@code --socket}
 * @param state what probing found
 * @param version the engine's version, when it answered
 * @param apiVersion the Docker API version it speaks, when it answered
 * @param detail one plain sentence about the state (empty when it answers)
 */
public record EngineSocket(String engine, String socket, String from, State state, String version, String apiVersion,
        String detail) {
    /** What probing a socket found. */
    public enum State {
        /** It answered {@code GET /version}. */
        ANSWERS,
        /** No file at that path. */
        ABSENT,
        /** The file exists, nobody listens (a stale socket). */
        REFUSED,
        /** Not allowed to connect. */
        DENIED,
        /** Accepted, but gave no answer within the timeout. */
        SILENT,
        /** Answered something that is not a Docker-compatible {@code /version}. */
        BROKEN,
        /** Not probed: only Unix sockets are. */
        UNSUPPORTED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static EngineSocket unanswered(Path socket, String from, State state, String detail) {
        return new EngineSocket(guess(socket.toString()), socket.toString(), from, state, null, null, detail);
    }

    static String guess(String socket) {
        return socket.contains("podman") ? "podman" : "docker";
    }

    public boolean answers() {
        return state == State.ANSWERS;
    }
}
