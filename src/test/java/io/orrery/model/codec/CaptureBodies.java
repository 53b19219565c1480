package io.orrery.model.codec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The HTTP bodies in the captured broker exchanges under src/test/resources/captures (copied from the reference captures). */
final class CaptureBodies {
    private static final Pattern START_LINE = Pattern.compile("^(GET|POST|PUT|DELETE) \\S+.*|^HTTP/1\\.1 \\d+.*");
    private static final Pattern SECTION = Pattern.compile("^(---.*|=== .*)$");

    record Body(Path file, int index, String text) {
        @Override
        public String toString() {
            return file.getParent().getFileName() + "/" + file.getFileName() + "#" + index;
        }
    }

    private CaptureBodies() {}

    static Path root() {
        return Path.of(System.getProperty("orrery.captures", "src/test/resources/captures"));
    }

    static List<Body> all() throws IOException {
        List<Body> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                out.addAll(bodies(f));
            }
        }
        return out;
    }

    static List<Body> bodies(Path file) throws IOException {
        List<Body> out = new ArrayList<>();
        List<String> section = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (SECTION.matcher(line).matches()) {
                add(out, file, section);
                section.clear();
            } else {
                section.add(line);
            }
        }
        add(out, file, section);
        return out;
    }

    private static void add(List<Body> out, Path file, List<String> section) {
        int start = -1;
        for (int i = 0; i < section.size(); i++) {
            if (START_LINE.matcher(section.get(i)).matches()) {
                start = i;
                break;
            }
        }
        int from = 0;
        if (start >= 0) {
            from = section.size();
            for (int i = start; i < section.size(); i++) {
                if (section.get(i).isBlank()) {
                    from = i + 1;
                    break;
                }
            }
        }
        String text = String.join("\n", section.subList(Math.min(from, section.size()), section.size())).strip();
        boolean looksLikeBody = text.startsWith("{") || text.startsWith("[")
                || Pattern.compile("(?m)^(kind|executable|compute|meta|result|phase|path|value|request):").matcher(text).find();
        if (!text.isEmpty() && looksLikeBody && (start >= 0 || text.startsWith("{"))) {
            out.add(new Body(file, out.size(), text + "\n"));
        }
    }
}
