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
 * every request. An unknown name, a wrong password and a malformed credential cost the same (a dummy hash of the
 * stored hashes' work factor), so timing does not tell which names exist; failures are limited per address and per
 * name and the hashing is bounded ({@link AttemptGuard}). The admin, if named, sees objects that have no owner.
 */
final class Auth {
    private final Map<String, byte[]> tokens = new LinkedHashMap<>();
    private final Map<String, String> users = new LinkedHashMap<>();
    private final Map<String, String> verified = new ConcurrentHashMap<>();
    private final AttemptGuard guard;
    private final String admin;
    private String dummy = "";

    /** No authentication: everyone is anonymous. */
    static final Auth OPEN = new Auth(AttemptLimits.defaults(), null);

    private Auth(AttemptLimits limits, String admin) {
        this.guard = new AttemptGuard(limits, System::nanoTime);
        this.admin = admin;
    }

    static Auth load(Path tokenFile, Path usersFile) throws IOException {
        return load(tokenFile, usersFile, AttemptLimits.defaults(), null);
    }

    /** Loads the files; limits bound failed attempts and hashing; admin (or null) sees ownerless objects. */
    static Auth load(Path tokenFile, Path usersFile, AttemptLimits limits, String admin) throws IOException {
        Auth a = new Auth(limits, admin);
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
                if (PasswordHash.iterations(line.substring(colon + 1)).isEmpty()) {
                    throw new IOException(usersFile + ": the hash of " + line.substring(0, colon) + " is not"
                            + " pbkdf2-sha256:ITERATIONS:SALT:HASH (see 'orrery users add')");
                }
                a.users.put(line.substring(0, colon), line.substring(colon + 1));
            }
        }
        a.dummy = PasswordHash.hash("no such user".toCharArray(), usualIterations(a.users.values()));
        return a;
    }

    /** The work factor most stored hashes have, so that a dummy check costs what a real one does. */
    private static int usualIterations(java.util.Collection<String> hashes) {
        Map<Integer, Integer> counts = new java.util.HashMap<>();
        hashes.forEach(h -> counts.merge(PasswordHash.iterations(h).orElseThrow(), 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(PasswordHash.ITERATIONS);
    }

    /** Who sees objects made before authentication was on (null: nobody). */
    String admin() {
        return admin;
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

    /**
     * The caller's name, empty when the Authorization header proves nobody (or is missing); client is the caller's
     * address. Throws 429 past the failed-attempt limits and 503 when no hasher is free in time.
     */
    Optional<String> who(String authorization, String client) {
        if (authorization == null) {
            return Optional.empty();
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<String> found = bearer(authorization.substring(7).trim()); // cheap: checked before any limit
            if (found.isEmpty()) {
                guard.begin(client, null); // counts the failure; 429 when the address has failed too often
            }
            return found;
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(authorization.substring(6).trim(), client);
        }
        return Optional.empty();
    }

    private Optional<String> bearer(String token) {
        byte[] given = sha256(token);
        String found = null;
        for (Map.Entry<String, byte[]> t : tokens.entrySet()) {
            if (MessageDigest.isEqual(t.getValue(), given)) {
                found = t.getKey();
            }
        }
        return Optional.ofNullable(found);
    }

    private Optional<String> basic(String encoded, String client) {
        String key = Base64.getEncoder().encodeToString(sha256(encoded));
        String known = verified.get(key);
        if (known != null) {
            return Optional.of(known); // proved before: no hashing, no limit
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = "";
        }
        int colon = decoded.indexOf(':');
        String name = colon < 0 ? decoded : decoded.substring(0, colon);
        char[] password = decoded.substring(colon + 1).toCharArray();
        String stored = users.get(name);
        AttemptGuard.Attempt attempt = guard.begin(client, name);
        boolean ok;
        try {
            // the same work whether the name exists or not, and for a credential that is not NAME:PASSWORD at all
            ok = guard.hash(() -> PasswordHash.verify(password, stored != null ? stored : dummy))
                    && stored != null && colon >= 0;
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
        if (!ok) {
            return Optional.empty();
        }
        attempt.succeeded();
        verified.put(key, name);
        return Optional.of(name);
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
