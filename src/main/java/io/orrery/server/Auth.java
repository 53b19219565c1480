package io.orrery.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is calling: bearer tokens from a token file ({@code NAME TOKEN} per line) and HTTP Basic accounts from a
 * users file ({@code NAME:pbkdf2-sha256:...} per line). Secrets are compared in constant time and never logged;
 * a Basic credential that checked out once is remembered by its SHA-256, so clients do not pay the slow hash on
 * every request.
 */
final class Auth {
    private final Map<String, byte[]> tokens = new LinkedHashMap<>();
    private final Map<String, String> users = new LinkedHashMap<>();
    private final Map<String, String> verified = new ConcurrentHashMap<>();

    /** No authentication: everyone is anonymous. */
    static final Auth OPEN = new Auth();

    private Auth() {}

    static Auth load(Path tokenFile, Path usersFile) throws IOException {
        Auth a = new Auth();
        if (tokenFile != null) {
            for (String line : lines(tokenFile)) {
                String[] f = line.split("\\s+");
                String name = f.length > 1 ? f[0] : "token-" + (a.tokens.size() + 1);
                a.tokens.put(name, sha256(f[f.length - 1]));
            }
            if (a.tokens.isEmpty()) {
                throw new IOException(tokenFile + " holds no token");
            }
        }
        if (usersFile != null) {
            for (String line : lines(usersFile)) {
                int colon = line.indexOf(':');
                if (colon < 1) {
                    throw new IOException(usersFile + ": a line is not NAME:HASH (see 'orrery users add')");
                }
                a.users.put(line.substring(0, colon), line.substring(colon + 1));
            }
        }
        return a;
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    boolean enabled() {
        return !tokens.isEmpty() || !users.isEmpty();
    }

    String schemes() {
        return (tokens.isEmpty() ? "" : "bearer") + (!tokens.isEmpty() && !users.isEmpty() ? "+" : "")
                + (users.isEmpty() ? "" : "basic");
    }

    /** The caller's name, empty when the Authorization header proves nobody (or is missing). */
    Optional<String> who(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            byte[] given = sha256(authorization.substring(7).trim());
            String found = null;
            for (Map.Entry<String, byte[]> t : tokens.entrySet()) {
                if (MessageDigest.isEqual(t.getValue(), given)) {
                    found = t.getKey();
                }
            }
            return Optional.ofNullable(found);
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(authorization.substring(6).trim());
        }
        return Optional.empty();
    }

    private Optional<String> basic(String encoded) {
        String known = verified.get(Base64.getEncoder().encodeToString(sha256(encoded)));
        if (known != null) {
            return Optional.of(known);
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String name = decoded.substring(0, colon);
        String stored = users.get(name);
        if (stored == null || !PasswordHash.verify(decoded.substring(colon + 1).toCharArray(), stored)) {
            return Optional.empty();
        }
        verified.put(Base64.getEncoder().encodeToString(sha256(encoded)), name);
        return Optional.of(name);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
