package io.orrery.workbench.monitor;

import io.orrery.model.PhaseChange;
import io.orrery.model.SessionPhase;
import io.orrery.workbench.library.TaskLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The monitored sessions, kept in {@code monitor.yaml} in the configuration directory (written atomically), so
 * monitoring resumes after a restart. A damaged file is set aside as {@code monitor.yaml.damaged}, not lost.
 */
public final class WatchFile {
    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    private final Path file;

    public WatchFile(Path configDir) {
        this.file = configDir.resolve("monitor.yaml");
    }

    public Path path() {
        return file;
    }

    /** A snapshot of one session, taken on the JavaFX thread and written off it. */
    public record Entry(String broker, String url, String name, Instant start, Duration lead, Duration duration,
                        Duration release, SessionPhase phase, List<PhaseChange> history) {
        public static Entry of(Watched w) {
            return new Entry(w.broker(), w.url(), w.name(), w.start(), w.lead(), w.duration(), w.release(),
                    w.phaseProperty().get(), List.copyOf(w.history()));
        }

        public Watched watched() {
            Watched w = new Watched(broker, url, name, start, lead, duration, release);
            w.history().setAll(history);
            w.phaseProperty().set(phase);
            return w;
        }
    }

    public void save(List<Entry> entries) throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode list = root.putArray("sessions");
        for (Entry e : entries) {
            ObjectNode o = list.addObject().put("broker", e.broker()).put("url", e.url()).put("name", e.name())
                    .put("phase", e.phase().name()).put("lead", e.lead().toString())
                    .put("duration", e.duration().toString()).put("release", e.release().toString());
            if (e.start() != null) {
                o.put("start", e.start().toString());
            }
            ArrayNode h = o.putArray("history");
            for (PhaseChange c : e.history()) {
                ObjectNode x = h.addObject().put("phase", c.phase().name()).put("at", c.at().toString());
                if (c.reason() != null) {
                    x.put("reason", c.reason());
                }
            }
        }
        Files.createDirectories(file.getParent());
        TaskLibrary.save(file, YAML.writeValueAsString(root));
    }

    public List<Entry> load() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Entry> out = new ArrayList<>();
            for (JsonNode s : YAML.readTree(Files.readString(file)).path("sessions")) {
                List<PhaseChange> history = new ArrayList<>();
                for (JsonNode c : s.path("history")) {
                    history.add(new PhaseChange(SessionPhase.valueOf(c.path("phase").asString()),
                            Instant.parse(c.path("at").asString()), c.hasNonNull("reason") ? c.get("reason").asString() : null));
                }
                out.add(new Entry(s.path("broker").asString(), s.path("url").asString(), s.path("name").asString(),
                        s.hasNonNull("start") ? Instant.parse(s.get("start").asString()) : null,
                        Duration.parse(s.path("lead").asString("PT0S")), Duration.parse(s.path("duration").asString("PT0S")),
                        Duration.parse(s.path("release").asString("PT0S")), SessionPhase.valueOf(s.path("phase").asString()),
                        history));
            }
            return out;
        } catch (RuntimeException e) {
            Path aside = file.resolveSibling("monitor.yaml.damaged");
            Files.move(file, aside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            throw new IOException(file + " could not be read (" + e.getMessage() + "); it was moved to " + aside, e);
        }
    }
}
