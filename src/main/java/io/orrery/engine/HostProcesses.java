package io.orrery.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The processes that engines running work as host processes (notebooks, Python programs) start: each carries its
 * session ({@code ORRERY_SESSION}) and its broker ({@code ORRERY_OWNER}, the broker's session-files root) in its
 * environment, so that a restarted broker kills those no session owns (a process does not outlive its broker's
 * restart usefully: it cannot be followed again, and its session is failed with the reason).
 */
final class HostProcesses {
    static final String OWNER_VARIABLE = "ORRERY_OWNER";
    static final String SESSION_VARIABLE = "ORRERY_SESSION";

    private final String owner;

    HostProcesses(SessionFiles files) {
        this.owner = files.root().toString();
    }

    String owner() {
        return owner;
    }

    /** Marks a process about to start as this broker's, for the session. */
    void mark(ProcessBuilder pb, String session) {
        pb.environment().put(SESSION_VARIABLE, session);
        pb.environment().put(OWNER_VARIABLE, owner);
    }

    /** Kills the process and everything it started; safe on null. */
    static void killTree(Process p) {
        if (p != null) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    /** Kills every process of this broker's that no live session owns (read from /proc). */
    void sweep(Set<String> owned) throws IOException {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return;
        }
        try (Stream<Path> pids = Files.list(proc)) {
            for (Path p : pids.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                Optional<String> session = sessionOf(p.resolve("environ"));
                if (session.isPresent() && !owned.contains(session.get())) {
                    ProcessHandle.of(Long.parseLong(p.getFileName().toString())).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        }
    }

    /** The session a process runs for, if it is one of this broker's. */
    private Optional<String> sessionOf(Path environ) {
        String env;
        try {
            env = Files.readString(environ, StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        String foundOwner = null;
        String session = null;
        for (String entry : env.split("\0")) {
            if (entry.startsWith(OWNER_VARIABLE + "=")) {
                foundOwner = entry.substring(OWNER_VARIABLE.length() + 1);
            } else if (entry.startsWith(SESSION_VARIABLE + "=")) {
                session = entry.substring(SESSION_VARIABLE.length() + 1);
            }
        }
        return owner.equals(foundOwner) && session != null ? Optional.of(session) : Optional.empty();
    }
}
