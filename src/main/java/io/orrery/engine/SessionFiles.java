package io.orrery.engine;

import io.orrery.broker.session.OutputName;
import io.orrery.broker.session.SessionOutputs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where really executed sessions keep what they leave, one directory per session under a root:
 * {@code stdout}, {@code stderr}, {@code exit} (the exit code, once known), {@code outputs/} (mounted writable at
 * {@code /outputs} in a container), {@code scratch/} (staged data; removed when the session is released) and
 * {@code timing} (the engine's start and finish times) and {@code done} (written once nothing more will come).
 * Only regular files whose names an output may have ({@link OutputName}) are offered; links the work made in its
 * outputs (to a file of the host, say) are never followed. The outputs stay readable after the session ends.
 */
public final class SessionFiles implements SessionOutputs {
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{1,64}");
    private static final List<String> LOGS = List.of("stdout", "stderr", "exit");

    private final Path root;

    public SessionFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The session's directory (made if absent). */
    public Path dir(String sessionId) throws IOException {
        if (!ID.matcher(sessionId).matches()) {
            throw new IllegalArgumentException("not a session id: " + sessionId);
        }
        return Files.createDirectories(root.resolve(sessionId));
    }

    public Path outputs(String sessionId) throws IOException {
        return Files.createDirectories(dir(sessionId).resolve("outputs"));
    }

    public Path scratch(String sessionId) throws IOException {
        return Files.createDirectories(dir(sessionId).resolve("scratch"));
    }

    public Path log(String sessionId, String stream) throws IOException {
        return dir(sessionId).resolve(stream);
    }

    /** Records the exit code. */
    public void exit(String sessionId, long code) throws IOException {
        Files.writeString(dir(sessionId).resolve("exit"), code + "\n");
    }

    /** The exit code recorded, if any. */
    public Optional<Long> exitCode(String sessionId) {
        try {
            Path f = dir(sessionId).resolve("exit");
            return Files.isRegularFile(f) ? Optional.of(Long.parseLong(Files.readString(f).strip())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Records when the engine says the work started and finished (in its own words, RFC 3339), for measuring what
     * Orrery adds around it; kept beside the outputs, not as one.
     */
    public void timing(String sessionId, String started, String finished) throws IOException {
        Files.writeString(dir(sessionId).resolve("timing"), "started=" + started + "\nfinished=" + finished + "\n");
    }

    /** Nothing more will be written: the session's outputs are complete. */
    public void done(String sessionId) throws IOException {
        Files.writeString(dir(sessionId).resolve("done"), "");
    }

    /** Whether the session's outputs are complete (its work ended and was released). */
    public boolean finished(String sessionId) {
        return ID.matcher(sessionId).matches() && Files.exists(root.resolve(sessionId).resolve("done"));
    }

    /** Removes the session's scratch space (staged data). */
    public void dropScratch(String sessionId) throws IOException {
        Path scratch = dir(sessionId).resolve("scratch");
        if (Files.exists(scratch)) {
            try (Stream<Path> all = Files.walk(scratch)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Override
    public List<OutputFile> list(String sessionId) {
        if (!ID.matcher(sessionId).matches() || !Files.isDirectory(root.resolve(sessionId))) {
            return List.of();
        }
        Path dir = root.resolve(sessionId);
        boolean growing = !Files.exists(dir.resolve("done"));
        List<OutputFile> out = new ArrayList<>();
        try {
            for (String name : LOGS) {
                Path f = dir.resolve(name);
                if (Files.isRegularFile(f)) {
                    out.add(new OutputFile(name, Files.size(f), growing && !name.equals("exit")));
                }
            }
            Path outputs = dir.resolve("outputs");
            if (Files.isDirectory(outputs)) {
                try (Stream<Path> files = Files.walk(outputs)) {
                    for (Path f : files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
                        String name = "outputs/" + outputs.relativize(f).toString().replace('\\', '/');
                        if (OutputName.valid(name)) {
                            out.add(new OutputFile(name, Files.size(f), growing));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the outputs of session " + sessionId, e);
        }
        return out;
    }

    @Override
    public Optional<InputStream> open(String sessionId, String name, long offset) throws IOException {
        Optional<Path> file = resolve(sessionId, name);
        if (file.isEmpty() || !Files.isRegularFile(file.get(), LinkOption.NOFOLLOW_LINKS)
                || !file.get().toRealPath().startsWith(root.resolve(sessionId).toRealPath())) {
            return Optional.empty(); // a link the work made (to a file of the host, say) is never followed
        }
        SeekableByteChannel ch = Files.newByteChannel(file.get(), StandardOpenOption.READ);
        ch.position(Math.min(Math.max(0, offset), ch.size()));
        return Optional.of(Channels.newInputStream(ch));
    }

    /** The file an output name stands for, never outside the session's directory. */
    Optional<Path> resolve(String sessionId, String name) {
        if (!ID.matcher(sessionId).matches() || name == null) {
            return Optional.empty();
        }
        Path dir = root.resolve(sessionId);
        if (LOGS.contains(name)) {
            return Optional.of(dir.resolve(name));
        }
        if (!OutputName.valid(name)) {
            return Optional.empty();
        }
        Path outputs = dir.resolve("outputs");
        Path f = outputs.resolve(name.substring("outputs/".length())).normalize();
        return f.startsWith(outputs) && !f.equals(outputs) ? Optional.of(f) : Optional.empty();
    }
}
