package io.orrery.client;

import io.orrery.client.oidc.OidcSession;
import io.orrery.client.oidc.OidcSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The brokers a user has named, in {@code brokers.yaml} in the configuration directory ({@code -Dorrery.config.dir},
 * else {@code $ORRERY_CONFIG_DIR},
 * else {@code $XDG_CONFIG_HOME/orrery}, else {@code ~/.config/orrery}). Each entry has a name, a URL, optionally the
 * {@code protocol} it speaks ({@code execution-broker}, the default, {@code canidothis} or {@code srcnet-compute};
 * {@code kind} is read as well), credentials and timeouts, or the OpenID issuer its users sign in at
 * ({@code oidc: {issuer, clientId, scope, audience}}; the tokens of a sign-in are kept apart, see
 * {@link io.orrery.client.oidc.TokenStore}). The file holds credentials, so it is written readable by its owner only.
 */
public final class BrokerRegistry {
    private static final ObjectMapper YAML = YAMLMapper.builder().build();

    private final Path file;
    private final List<BrokerConfig> brokers = new ArrayList<>();

    private BrokerRegistry(Path file) {
        this.file = file;
    }

    public static Path defaultDirectory() {
        String prop = System.getProperty("orrery.config.dir");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String dir = System.getenv("ORRERY_CONFIG_DIR");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config"))
                .resolve("orrery");
    }

    public static BrokerRegistry load(Path directory) throws IOException {
        return loadFile(directory.resolve("brokers.yaml"));
    }

    /** A registry read from a file of the brokers.yaml format under any name (a federation's upstreams, say). */
    public static BrokerRegistry loadFile(Path brokersYaml) throws IOException {
        BrokerRegistry r = new BrokerRegistry(brokersYaml);
        if (Files.exists(r.file)) {
            for (JsonNode b : YAML.readTree(Files.readString(r.file)).path("brokers")) {
                String name = b.path("name").asString();
                Credentials c = new Credentials(text(b, "user"), text(b, "password"), text(b, "token"));
                OidcSettings oidc = null;
                JsonNode o = b.path("oidc");
                if (o.isObject()) {
                    try {
                        oidc = new OidcSettings(text(o, "issuer"), text(o, "clientId"), text(o, "scope"),
                                text(o, "audience"));
                    } catch (IllegalArgumentException e) {
                        throw new IOException(brokersYaml + ", broker '" + name + "': " + e.getMessage(), e);
                    }
                    c = Credentials.signedIn(OidcSession.of(brokersYaml.toAbsolutePath().getParent(), name, oidc));
                }
                Protocol protocol;
                try {
                    protocol = Protocol.parse(b.hasNonNull("protocol") ? text(b, "protocol") : text(b, "kind"));
                } catch (IllegalArgumentException e) {
                    throw new IOException(brokersYaml + ", broker '" + name + "': " + e.getMessage(), e);
                }
                r.brokers.add(new BrokerConfig(name, b.path("url").asString(), protocol, c,
                        Duration.parse(b.path("connectTimeout").asString(BrokerConfig.CONNECT.toString())),
                        Duration.parse(b.path("readTimeout").asString(BrokerConfig.READ.toString())), oidc));
            }
        }
        return r;
    }

    private static String text(JsonNode b, String key) {
        return b.hasNonNull(key) ? b.get(key).asString() : null;
    }

    public List<BrokerConfig> all() {
        return List.copyOf(brokers);
    }

    public Optional<BrokerConfig> named(String name) {
        return brokers.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    /** The registered broker whose URL the given URL starts with (for its credentials), if any. */
    public Optional<BrokerConfig> forUrl(String url) {
        return brokers.stream().filter(b -> url.startsWith(b.url().replaceAll("/+$", ""))).findFirst();
    }

    /** The directory the file is in (where the sign-ins' tokens are kept beside it). */
    public Path directory() {
        return file.toAbsolutePath().getParent();
    }

    /** Adds or replaces a broker by name. */
    public void put(BrokerConfig b) {
        if (b.oidc() != null && b.credentials().source() == null) {
            b = b.withCredentials(Credentials.signedIn(OidcSession.of(directory(), b.name(), b.oidc())));
        }
        String name = b.name();
        brokers.removeIf(x -> x.name().equals(name));
        brokers.add(b);
    }

    public boolean remove(String name) {
        return brokers.removeIf(b -> b.name().equals(name));
    }

    public void save() throws IOException {
        Files.createDirectories(file.getParent());
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode list = root.putArray("brokers");
        for (BrokerConfig b : brokers) {
            ObjectNode o = list.addObject().put("name", b.name()).put("url", b.url());
            if (b.protocol() != Protocol.EXECUTION_BROKER) {
                o.put("protocol", b.protocol().id());
            }
            Credentials c = b.credentials();
            if (c.user() != null) {
                o.put("user", c.user());
            }
            if (c.password() != null) {
                o.put("password", c.password());
            }
            if (c.token() != null) {
                o.put("token", c.token());
            }
            if (b.oidc() != null) {
                ObjectNode i = o.putObject("oidc").put("issuer", b.oidc().issuer())
                        .put("clientId", b.oidc().clientId()).put("scope", b.oidc().scope());
                if (b.oidc().audience() != null) {
                    i.put("audience", b.oidc().audience());
                }
            }
            o.put("connectTimeout", b.connectTimeout().toString()).put("readTimeout", b.readTimeout().toString());
        }
        Path tmp = file.resolveSibling("brokers.yaml.tmp");
        Files.writeString(tmp, YAML.writeValueAsString(root));
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the user's profile directory protects it
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
