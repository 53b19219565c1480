package io.orrery.engine;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The few calls of the Docker-compatible engine API (Docker engine or Podman, API 1.40 and later) that running a
 * session needs, over the engine's Unix socket. Written on {@link UnixHttp} rather than a client library: these ten
 * calls are all we use, docker-java would bring Jackson 2, Netty or Apache HTTP and their transitive versions, and
 * OkHttp cannot speak over a JDK Unix socket channel without a socket adapter library. Every call but a followed log
 * has a deadline.
 */
public final class DockerApi {
    /** An answer the engine gave that is not a success. */
    public static final class EngineException extends IOException {
        private final int status;

        EngineException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String API = "/v1.40";

    private final Path socket;
    private final Duration timeout;

    public DockerApi(Path socket, Duration timeout) {
        this.socket = socket;
        this.timeout = timeout;
    }

    public Path socket() {
        return socket;
    }

    /** Whether the image is in the engine's local store. */
    public boolean imagePresent(String image) throws IOException {
        UnixHttp.Response r = UnixHttp.send(socket, "GET", API + "/images/" + enc(image) + "/json", null, timeout);
        if (r.status() == 404) {
            return false;
        }
        check(r, "inspect image " + image);
        return true;
    }

    /** Pulls an image from its registry (slow: given ten times the usual deadline). */
    public void pull(String image) throws IOException {
        UnixHttp.Response r = UnixHttp.send(socket, "POST", API + "/images/create?fromImage=" + enc(image), null,
                timeout.multipliedBy(10));
        check(r, "pull " + image);
        // the engine answers 200 and reports a failed pull inside the progress stream
        for (String line : r.body().split("\n")) {
            if (line.contains("\"error\"")) {
                throw new EngineException(r.status(), "pull " + image + ": " + tree(line).path("error").asString(line));
            }
        }
    }

    /** Creates a container; returns its id. */
    public String create(String name, ObjectNode spec) throws IOException {
        UnixHttp.Response r = UnixHttp.send(socket, "POST", API + "/containers/create?name=" + enc(name),
                JSON.writeValueAsString(spec), timeout);
        check(r, "create container " + name);
        return tree(r.body()).path("Id").asString();
    }

    public void start(String id) throws IOException {
        UnixHttp.Response r = UnixHttp.send(socket, "POST", API + "/containers/" + enc(id) + "/start", null, timeout);
        if (r.status() != 304) {
            check(r, "start container");
        }
    }

    /** The container's state and configuration, or empty when the engine does not know it. */
    public Optional<JsonNode> inspect(String idOrName) throws IOException {
        UnixHttp.Response r = UnixHttp.send(socket, "GET", API + "/containers/" + enc(idOrName) + "/json", null,
                timeout);
        if (r.status() == 404) {
            return Optional.empty();
        }
        check(r, "inspect container " + idOrName);
        return Optional.of(tree(r.body()));
    }

    /** Kills the container at once (a container that already stopped is fine). */
    public void kill(String id) throws IOException {
        UnixHttp.Response r = UnixHttp.send(socket, "POST", API + "/containers/" + enc(id) + "/kill", null, timeout);
        if (r.status() != 404 && r.status() != 409 && r.status() != 304) {
            check(r, "kill container");
        }
    }

    /** Removes the container and its anonymous volumes, stopping it if it runs (an unknown one is fine). */
    public void remove(String id) throws IOException {
        UnixHttp.Response r = UnixHttp.send(socket, "DELETE", API + "/containers/" + enc(id) + "?force=true&v=true",
                null, timeout);
        if (r.status() != 404) {
            check(r, "remove container");
        }
    }

    /** Every container (running or not) carrying the label with the value. */
    public List<JsonNode> withLabel(String label, String value) throws IOException {
        String filters = "{\"label\":[\"" + label + "=" + value + "\"]}";
        UnixHttp.Response r = UnixHttp.send(socket, "GET", API + "/containers/json?all=true&filters=" + enc(filters),
                null, timeout);
        check(r, "list containers");
        List<JsonNode> out = new ArrayList<>();
        tree(r.body()).forEach(out::add);
        return out;
    }

    /**
     * The container's standard output and error, multiplexed (Docker's 8-byte frame headers), from the start; with
     * follow, the answer lasts until the container stops.
     */
    public UnixStream logs(String id, boolean follow) throws IOException {
        UnixStream s = UnixStream.open(socket, "GET", API + "/containers/" + enc(id) + "/logs?stdout=true&stderr=true"
                + (follow ? "&follow=true" : ""));
        if (s.status() != 200) {
            s.close();
            throw new EngineException(s.status(), "logs of container: HTTP " + s.status());
        }
        return s;
    }

    private static void check(UnixHttp.Response r, String what) throws EngineException {
        if (r.status() / 100 != 2) {
            String message = r.body();
            try {
                message = tree(r.body()).path("message").asString(r.body());
            } catch (IOException e) {
                // not JSON: the raw body says it
            }
            throw new EngineException(r.status(), what + ": " + message.strip());
        }
    }

    private static JsonNode tree(String body) throws IOException {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            throw new IOException("the engine answered something not JSON", e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
