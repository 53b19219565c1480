package io.orrery.workbench.library;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The tasks a user can open: the shipped samples (read-only) and the user's own folder. Saving is atomic: the text
 * goes to a temporary file that then replaces the target, so a crash never leaves half a file.
 */
public final class TaskLibrary {
    private final Path samples;
    private final Path mine;

    /** One task: its name, where it is, and whether it is a read-only sample. */
    public record Entry(String name, Path path, boolean sample) {
        @Override
        public String toString() {
            return name;
        }
    }

    public TaskLibrary(Path samples, Path mine) {
        this.samples = samples;
        this.mine = mine;
    }

    /** Samples from -Dorrery.samples (the launcher sets it) or ./sample-tasks; the user's tasks in config/tasks. */
    public static TaskLibrary standard(Path configDir) {
        String s = System.getProperty("orrery.samples");
        return new TaskLibrary(s != null ? Path.of(s) : Path.of("sample-tasks"), configDir.resolve("tasks"));
    }

    public Path mine() {
        return mine;
    }

    public List<Entry> samples() {
        return list(samples, true);
    }

    public List<Entry> own() {
        return list(mine, false);
    }

    public boolean isSample(Path p) {
        return p != null && p.toAbsolutePath().normalize().startsWith(samples.toAbsolutePath().normalize());
    }

    private static List<Entry> list(Path dir, boolean sample) {
        List<Entry> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted()
                    .forEach(p -> out.add(new Entry(p.getFileName().toString(), p, sample)));
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    public static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    /** Writes text to target atomically (temporary file, then a rename over the target). */
    public static void save(Path target, String text) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
