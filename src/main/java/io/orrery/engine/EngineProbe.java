package io.orrery.engine;

import io.orrery.engine.EngineSocket.State;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the container engines of this machine: Docker engine or Podman through the Docker-compatible API on a Unix
 * socket, at {@code DOCKER_HOST}, {@code /var/run/docker.sock}, {@code /run/podman/podman.sock} and
 * {@code $XDG_RUNTIME_DIR/podman/podman.sock}, and asks each for {@code GET /version}.
 */
public final class EngineProbe {
    /** How long one socket may take to answer by default. */
    public static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, String> env;
    private final Duration timeout;

    public EngineProbe(Map<String, String> env, Duration timeout) {
        this.env = env;
        this.timeout = timeout;
    }

    /** The places to probe, in order, each once (by real path), the extra ones first. */
    public Map<String, String> candidates(List<Path> extra) {
        Map<String, String> places = new LinkedHashMap<>();
        for (Path p : extra) {
            places.putIfAbsent(p.toString(), "--socket");
        }
        String host = env.get("DOCKER_HOST");
        if (host != null && !host.isBlank()) {
            places.putIfAbsent(host.startsWith("unix://") ? host.substring("unix://".length()) : host, "DOCKER_HOST");
        }
        places.putIfAbsent("/var/run/docker.sock", "default");
        places.putIfAbsent("/run/podman/podman.sock", "default");
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank()) {
            places.putIfAbsent(Path.of(runtime, "podman", "podman.sock").toString(), "XDG_RUNTIME_DIR");
        }
        Map<String, String> unique = new LinkedHashMap<>();
        List<String> seen = new ArrayList<>();
        places.forEach((place, from) -> {
            String real = realPath(place);
            if (!seen.contains(real)) {
                seen.add(real);
                unique.put(place, from);
            }
        });
        return unique;
    }

    private static String realPath(String place) {
        try {
            return Path.of(place).toRealPath().toString();
        } catch (IOException | RuntimeException e) {
            return place;
        }
    }

    /** Every candidate, probed one after the other (each within the timeout). */
    public List<EngineSocket> probeAll(List<Path> extra) {
        List<EngineSocket> found = new ArrayList<>();
        candidates(extra).forEach((place, from) -> found.add(probe(place, from)));
        return found;
    }

    public EngineSocket probe(String place, String from) {
        if (place.contains("://")) {
            return new EngineSocket(EngineSocket.guess(place), place, from, State.UNSUPPORTED, null, null,
                    "not probed: only unix:// sockets are");
        }
        Path socket = Path.of(place);
        if (!Files.exists(socket)) {
            return EngineSocket.unanswered(socket, from, State.ABSENT, "no socket there");
        }
        try {
            UnixHttp.Response r = UnixHttp.get(socket, "/version", timeout);
            if (r.status() != 200) {
                return EngineSocket.unanswered(socket, from, State.BROKEN, "GET /version answered HTTP " + r.status());
            }
            return answered(socket, from, JSON.readTree(r.body()));
        } catch (UnixHttp.TimeoutException e) {
            return EngineSocket.unanswered(socket, from, State.SILENT, "accepted but " + e.getMessage());
        } catch (ConnectException e) {
            return EngineSocket.unanswered(socket, from, State.REFUSED, "nobody listens (a stale socket?)");
        } catch (AccessDeniedException e) {
            return denied(socket, from);
        } catch (SocketException e) {
            String why = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (why.contains("permission denied")) {
                return denied(socket, from);
            }
            return EngineSocket.unanswered(socket, from,
                    why.contains("refused") ? State.REFUSED : State.BROKEN, plain(e));
        } catch (JacksonException e) {
            return EngineSocket.unanswered(socket, from, State.BROKEN, "GET /version answered something not JSON");
        } catch (IOException e) {
            return EngineSocket.unanswered(socket, from, State.BROKEN, plain(e));
        }
    }

    private static EngineSocket denied(Path socket, String from) {
        return EngineSocket.unanswered(socket, from, State.DENIED,
                "permission denied (join the socket's group, e.g. docker, or run as its owner)");
    }

    private static String plain(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static EngineSocket answered(Path socket, String from, JsonNode v) {
        String version = v.path("Version").asString(null);
        if (version == null) {
            return EngineSocket.unanswered(socket, from, State.BROKEN, "GET /version answered without a Version");
        }
        boolean podman = false;
        for (JsonNode c : v.path("Components")) {
            podman |= c.path("Name").asString("").toLowerCase(Locale.ROOT).contains("podman");
        }
        return new EngineSocket(podman ? "podman" : "docker", socket.toString(), from, State.ANSWERS, version,
                v.path("ApiVersion").asString(null), "");
    }
}
