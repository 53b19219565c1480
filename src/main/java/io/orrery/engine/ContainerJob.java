package io.orrery.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One session's container: its image made present, its data staged, then created with the offered cores
 * ({@code NanoCpus}) and memory ({@code Memory}, no swap beyond it), the requested command, entry point and
 * environment, each staged data file mounted read-only at the path the compute's volumes give (else at
 * {@code /data/NAME}), a writable
 * {@code /outputs} whose files become the session's outputs, and no network unless the platform allows it.
 */
final class ContainerJob implements Job {
    private static final long GIB = 1024L * 1024 * 1024;
    private static final Duration EXIT_GRACE = Duration.ofSeconds(10);

    private final ContainerEngine engine;
    private final String session;
    private final JsonNode offer;
    private volatile String id;
    private volatile boolean oomKilled;

    ContainerJob(ContainerEngine engine, String session, JsonNode offer) {
        this.engine = engine;
        this.session = session;
        this.offer = offer;
    }

    String name() {
        return "orrery-" + session;
    }

    void attach(String containerId) {
        this.id = containerId;
    }

    @Override
    public void prepare() throws IOException {
        String image = image();
        DockerApi api = engine.api();
        if (!api.imagePresent(image)) {
            try {
                api.pull(image);
            } catch (IOException e) {
                throw new IOException("the image " + image + " is not on this machine and could not be pulled ("
                        + e.getMessage() + ")", e);
            }
        }
        Map<String, Path> staged = engine.stager().stage(offer, engine.files().scratch(session));
        api.remove(name()); // a leftover of an earlier try
        id = api.create(name(), spec(image, staged));
    }

    @Override
    public void start() throws IOException {
        engine.api().start(id);
    }

    @Override
    public long awaitExit() throws IOException, InterruptedException {
        Path out = engine.files().log(session, "stdout");
        Path err = engine.files().log(session, "stderr");
        // the engine keeps the whole log: read it from the start, so a restarted broker rewrites the same files
        try (UnixStream logs = engine.api().logs(id, true);
                OutputStream o = Files.newOutputStream(out, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
                OutputStream e = Files.newOutputStream(err, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
            LogDemux.copy(logs.body(), o, e);
        }
        long deadline = System.nanoTime() + EXIT_GRACE.toNanos();
        while (true) {
            JsonNode state = engine.api().inspect(id).orElseThrow(() -> new IOException("the container is gone"))
                    .path("State");
            if (!state.path("Running").asBoolean(false)) {
                oomKilled = state.path("OOMKilled").asBoolean(false);
                engine.files().timing(session, state.path("StartedAt").asString(""),
                        state.path("FinishedAt").asString(""));
                return state.path("ExitCode").asLong(-1);
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("its log ended but the container still runs");
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void kill() throws IOException {
        if (id != null) {
            engine.api().kill(id);
        }
    }

    @Override
    public void cleanup() throws IOException {
        engine.api().remove(id != null ? id : name());
    }

    @Override
    public String failure(long exitCode) {
        if (oomKilled) {
            return "the container ran out of memory (it was given " + offer.path("compute").path("memory").path("min")
                    .asLong() + " GiB) and was killed (exit code " + exitCode + ")";
        }
        return "the container exited with code " + exitCode;
    }

    private String image() throws IOException {
        JsonNode locations = offer.path("executable").path("image").path("locations");
        String image = locations.path(0).asString(null);
        if (image == null || image.isBlank()) {
            throw new IOException("the executable names no image (executable.image.locations)");
        }
        return image.replaceFirst("^docker://", "");
    }

    ObjectNode spec(String image, Map<String, Path> staged) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode exe = offer.path("executable");
        ObjectNode spec = f.objectNode().put("Image", image).put("Tty", false).put("OpenStdin", false)
                .put("AttachStdout", false).put("AttachStderr", false);
        if (exe.path("command").isArray() && !exe.path("command").isEmpty()) {
            spec.set("Cmd", exe.path("command").deepCopy());
        }
        String entrypoint = exe.path("entrypoint").asString(null);
        if (entrypoint != null && !entrypoint.isBlank()) {
            spec.putArray("Entrypoint").add(entrypoint);
        }
        ArrayNode env = spec.putArray("Env");
        exe.path("environment").properties().forEach(e -> env.add(e.getKey() + "=" + e.getValue().asString("")));
        env.add("ORRERY_SESSION=" + session).add("ORRERY_OUTPUTS=/outputs");
        spec.putObject("Labels").put(ContainerEngine.SESSION_LABEL, session)
                .put(ContainerEngine.OWNER_LABEL, engine.owner());
        JsonNode compute = offer.path("compute");
        ObjectNode host = spec.putObject("HostConfig");
        long cores = compute.path("cores").path("min").asLong(1);
        long memory = compute.path("memory").path("min").asLong(1);
        host.put("NanoCpus", cores * 1_000_000_000L).put("Memory", memory * GIB).put("MemorySwap", memory * GIB)
                .put("NetworkMode", engine.network() ? "host" : "none").put("Privileged", false);
        ArrayNode binds = host.putArray("Binds");
        binds.add(engine.files().outputs(session) + ":/outputs:rw");
        Set<String> mounted = new HashSet<>();
        for (JsonNode v : compute.path("volumes")) {
            String resource = v.path("resource").asString("");
            Path file = staged.get(resource);
            String path = v.path("path").asString("");
            if (file != null && path.startsWith("/") && !path.contains(":")) {
                binds.add(file + ":" + path + (v.path("mode").asString("READONLY").equalsIgnoreCase("READWRITE")
                        ? ":rw" : ":ro"));
                mounted.add(resource);
            }
        }
        staged.forEach((name, file) -> {
            if (!mounted.contains(name)) {
                binds.add(file + ":/data/" + DataStager.safe(name) + ":ro");
            }
        });
        return spec;
    }
}
