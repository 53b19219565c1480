package io.orrery.broker.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The built-in platforms, and platform files a user writes. */
public final class PlatformCatalog {
    public static final List<String> BUILT_IN = List.of("green-hpc", "cloud", "budget", "laptop");

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private PlatformCatalog() {}

    public static List<Platform> builtIn() {
        List<Platform> out = new ArrayList<>();
        for (String name : BUILT_IN) {
            out.add(find(name).orElseThrow());
        }
        return out;
    }

    /** A built-in platform by name. */
    public static Optional<Platform> find(String name) {
        if (!BUILT_IN.contains(name)) {
            return Optional.empty();
        }
        try (InputStream in = PlatformCatalog.class.getResourceAsStream("/io/orrery/broker/platforms/" + name + ".yaml")) {
            return Optional.of(PlatformCheck.checked(YAML.readValue(in, Platform.class), name + ".yaml"));
        } catch (IOException e) {
            throw new IllegalStateException("built-in platform " + name + " is unreadable", e);
        }
    }

    /** A built-in name, or a YAML file; throws {@link PlatformException} saying what is wrong and where. */
    public static Platform load(String nameOrFile) {
        Optional<Platform> builtIn = find(nameOrFile);
        if (builtIn.isPresent()) {
            return builtIn.get();
        }
        Path file = Path.of(nameOrFile);
        if (!Files.isRegularFile(file)) {
            throw new PlatformException("'" + nameOrFile + "' is neither a built-in platform (" + String.join(", ", BUILT_IN)
                    + ") nor a file");
        }
        try {
            return PlatformCheck.checked(YAML.readValue(Files.readString(file), Platform.class), file.toString());
        } catch (JacksonException e) {
            var loc = e.getLocation();
            throw new PlatformException(file + (loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr())
                    + ": " + e.getOriginalMessage().split("\\R")[0]);
        } catch (IOException e) {
            throw new PlatformException(file + ": " + e.getMessage());
        }
    }
}
