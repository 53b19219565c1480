package io.orrery.client.oidc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code tokens.json}: each broker's tokens under its name, written readable by its owner only (created 0600 before
 * anything is written to it, then moved over the old file atomically).
 */
public final class FileTokenStore implements TokenStore {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final Path file;

    public FileTokenStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized Optional<TokenSet> load(String broker) {
        JsonNode b = read().path(broker);
        return b.isObject() ? Optional.of(TokenStore.tokens(b)) : Optional.empty();
    }

    @Override
    public synchronized void save(String broker, TokenSet tokens) {
        ObjectNode all = read();
        all.set(broker, TokenStore.json(tokens));
        write(all);
    }

    @Override
    public synchronized boolean remove(String broker) {
        ObjectNode all = read();
        if (all.remove(broker) == null) {
            return false;
        }
        write(all);
        return true;
    }

    @Override
    public String where() {
        return file.toString();
    }

    private ObjectNode read() {
        try {
            if (!Files.exists(file)) {
                return JsonNodeFactory.instance.objectNode();
            }
            JsonNode n = JSON.readTree(Files.readString(file));
            return n instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void write(ObjectNode all) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(tmp); // not a POSIX file system: the user's profile directory protects it
            }
            Files.writeString(tmp, JSON.writeValueAsString(all));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
