package io.orrery.workbench.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The unsaved editor buffer, copied aside every few seconds while it differs from its file, so that it can be
 * offered back after a crash (even kill -9). Cleared when the buffer is saved, when it is clean again, and when the
 * window closes normally (the user has said by then what becomes of unsaved text): a copy found at start is the
 * sign of a crash.
 */
public final class Recovery {
    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private final Path dir;

    /** A buffer found after a crash: its text, the file it belonged to (if any), and when it was copied. */
    public record Buffer(String text, Path file, Instant when) {
        /** When it was copied, to the second in UTC: {@code 2026-12-01 07:40:46 UTC}. */
        public String whenText() {
            return HUMAN.format(when);
        }
    }

    public Recovery(Path configDir) {
        this.dir = configDir.resolve("recovery");
    }

    /** Keeps a copy of the buffer (atomically; call it off the JavaFX thread). */
    public void keep(String text, Path file) throws IOException {
        Properties meta = new Properties();
        meta.setProperty("file", file == null ? "" : file.toAbsolutePath().toString());
        meta.setProperty("when", Instant.now().toString());
        TaskLibrary.save(dir.resolve("buffer.yaml"), text);
        java.io.StringWriter w = new java.io.StringWriter();
        meta.store(w, "Orrery: unsaved editor buffer");
        TaskLibrary.save(dir.resolve("buffer.properties"), w.toString());
    }

    public Optional<Buffer> find() {
        Path text = dir.resolve("buffer.yaml");
        Path props = dir.resolve("buffer.properties");
        if (!Files.isRegularFile(text) || !Files.isRegularFile(props)) {
            return Optional.empty();
        }
        try {
            Properties meta = new Properties();
            meta.load(new java.io.StringReader(Files.readString(props)));
            String file = meta.getProperty("file", "");
            return Optional.of(new Buffer(Files.readString(text), file.isEmpty() ? null : Path.of(file),
                    Instant.parse(meta.getProperty("when", Instant.EPOCH.toString()))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Forgets the copy (call it off the JavaFX thread, or on closing). */
    public void clear() throws IOException {
        Files.deleteIfExists(dir.resolve("buffer.yaml"));
        Files.deleteIfExists(dir.resolve("buffer.properties"));
    }
}
