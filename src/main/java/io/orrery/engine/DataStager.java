package io.orrery.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Adler32;
import java.util.zip.Checksum;
import tools.jackson.databind.JsonNode;

/**
 * Copies a session's data into its scratch space before it runs: each {@code simple-data-resource} at an
 * {@code http(s)://} or {@code file:} URL lands in {@code data/NAME/FILE} (FILE is the URL's last path segment, or
 * {@code content} as the reference broker names it), within a size limit, its checksum verified when the resource
 * gives one ({@code checksum: {type: sha256|sha1|md5|adler32, value: HEX}}).
 */
public final class DataStager {
    /** A resource that could not be staged, with the reason in plain words. */
    public static final class StagingException extends IOException {
        StagingException(String message) {
            super(message);
        }
    }

    private final HttpClient http;
    private final long maxBytes;
    private final Duration timeout;

    public DataStager(long maxBytes, Duration timeout) {
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Stages every data resource of the offer; returns each resource's name and the file it was copied to. */
    public Map<String, Path> stage(JsonNode offer, Path scratch) throws IOException {
        Map<String, Path> out = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode d : offer.path("data")) {
            String name = d.path("meta").path("name").asString("data" + i);
            i++;
            String location = d.path("location").asString(null);
            if (location == null) {
                throw new StagingException("data " + name + " has no location");
            }
            Path dir = Files.createDirectories(scratch.resolve("data").resolve(safe(name)));
            Path file = dir.resolve(fileName(location));
            copy(name, location, file);
            verify(name, d.path("checksum"), file);
            out.put(name, file);
        }
        return out;
    }

    /** Copies one resource from its URL to the file, within the size limit. */
    public void copy(String name, String location, Path file) throws IOException {
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException e) {
            throw new StagingException("data " + name + ": '" + location + "' is not a URL");
        }
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            Path source = Path.of(uri);
            if (!Files.isRegularFile(source)) {
                throw new StagingException("data " + name + ": no file at " + source);
            }
            try (InputStream in = Files.newInputStream(source)) {
                limited(name, in, file);
            }
        } else if (scheme.equals("http") || scheme.equals("https")) {
            HttpRequest req = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
            HttpResponse<InputStream> r;
            try {
                r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StagingException("data " + name + ": staging interrupted");
            } catch (IOException e) {
                throw new StagingException("data " + name + ": cannot fetch " + location + ": " + plain(e));
            }
            try (InputStream in = r.body()) {
                if (r.statusCode() != 200) {
                    throw new StagingException("data " + name + ": " + location + " answered HTTP " + r.statusCode());
                }
                limited(name, in, file);
            }
        } else {
            throw new StagingException("data " + name + ": cannot fetch " + scheme + " URLs (only http, https, file)");
        }
    }

    private void limited(String name, InputStream in, Path file) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new StagingException("data " + name + " is larger than the " + maxBytes
                            + " bytes this platform stages");
                }
                out.write(buf, 0, n);
            }
        }
    }

    static void verify(String name, JsonNode checksum, Path file) throws IOException {
        if (!checksum.isObject()) {
            return;
        }
        String type = checksum.path("type").asString("").toLowerCase(Locale.ROOT).replace("-", "");
        String expected = checksum.path("value").asString("").strip().toLowerCase(Locale.ROOT);
        String actual = switch (type) {
            case "sha256" -> digest("SHA-256", file);
            case "sha1" -> digest("SHA-1", file);
            case "md5" -> digest("MD5", file);
            case "adler32" -> adler32(file);
            default -> throw new StagingException("data " + name + ": unknown checksum type '" + type
                    + "' (sha256, sha1, md5 or adler32)");
        };
        if (!strip(actual).equals(strip(expected))) {
            throw new StagingException("data " + name + ": " + type + " checksum is " + actual + ", expected "
                    + expected);
        }
    }

    private static String strip(String hex) {
        String s = hex.replaceFirst("^0+", "");
        return s.isEmpty() ? "0" : s;
    }

    private static String digest(String algorithm, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    private static String adler32(Path file) throws IOException {
        Checksum c = new Adler32();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                c.update(buf, 0, n);
            }
        }
        return String.format("%08x", c.getValue());
    }

    static String fileName(String location) {
        String path = location.replaceAll("[?#].*$", "");
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isEmpty() || last.equals(".") || last.equals("..") ? "content" : safe(last);
    }

    static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() || s.equals(".") || s.equals("..") ? "_" : s;
    }

    private static String plain(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
