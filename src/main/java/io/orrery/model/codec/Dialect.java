package io.orrery.model.codec;

import io.orrery.model.Kind;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A generation of the ExecutionBroker wire format. Orrery reads all of them into one model and writes any of them,
 * so that each broker can be answered in the words it understands.
 */
public enum Dialect {
    /** Calycopis-openapi v1.0 (2026-07/08): {@code .../kinds/<family>/<name>.yaml}, costs and metrics. */
    V2026_08("2026-08", "newest: Calycopis-openapi v1.0 kinds, costs and metrics"),
    /** The 2026-05 reference broker: {@code .../EB/schema/v1.0/types/<family>/<name>-1.0}, kind + meta. */
    V2026_05("2026-05", "EB v1.0 types (-1.0 URIs), kind and meta"),
    /** The 2025-10 schema: {@code type}, flat uuid/name/href, one compute, top-level volumes. */
    V2025_10("2025-10", "type discriminator, flat uuid/name/href, top-level volumes"),
    /** The 2025-04 schema: {@code type}, a {@code resources} wrapper, requested/offered ranges, start as a list. */
    V2025_04("2025-04", "type discriminator, resources wrapper, requested/offered ranges"),
    /** The 2023 draft of the standard: a {@code request:} root, {@code spec:} blocks and {@code uri:} types. */
    V2023("2023", "the standard's draft: request root, spec blocks, uri: types");

    private static final String PURL = "https://www.purl.org/ivoa.net/";
    private static final String EB = PURL + "EB/schema/";

    private final String id;
    private final String summary;

    Dialect(String id, String summary) {
        this.id = id;
        this.summary = summary;
    }

    public static final Dialect NEWEST = V2026_08;

    public String id() {
        return id;
    }

    public String summary() {
        return summary;
    }

    /** True for the generations that name the discriminator {@code type} and keep metadata flat. */
    public boolean isLegacy() {
        return this == V2025_10 || this == V2025_04 || this == V2023;
    }

    /** The kind URI this generation writes. */
    public String uri(Kind kind) {
        String fam = kind.family();
        String name = kind.baseName();
        if (kind == Kind.PYTHON && this != V2026_08) {
            return kind.draftUri().orElseThrow(); // no older generation had it: they all keep the report's URI
        }
        return switch (this) {
            case V2026_08 -> kind.uri();
            case V2026_05 -> EB + "v1.0/types/" + fam + "/" + name + "-1.0";
            case V2025_10 -> EB + "types/" + fam + "/" + name + "-1.0";
            case V2025_04 -> switch (fam) {
                case "executable" -> EB + "types/executables/" + name + "-1.0";
                case "compute", "storage" -> EB + "types/resources/" + fam + "/" + name + "-1.0";
                case "data" -> EB + "types/resources/data/" + (kind == Kind.RUCIO_DATA ? "Rucio-data-resource" : name) + "-1.0";
                case "session" -> EB + "types/session/execution-session-response-1.0";
                case "offerset" -> EB + "types/offerset/offerset-response-1.0";
                default -> EB + "types/" + fam + "/" + name + "-1.0";
            };
            case V2023 -> kind.draftUri().orElse(V2025_10.uri(kind));
        };
    }

    /** Finds a dialect by its id ({@code 2026-08}), its enum name, or {@code newest}. */
    public static Optional<Dialect> byName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("newest") || n.equals("latest")) {
            return Optional.of(NEWEST);
        }
        return Arrays.stream(values())
                .filter(d -> d.id.equals(n) || d.name().toLowerCase(Locale.ROOT).equals(n))
                .findFirst();
    }

    /** The ids, for help texts. */
    public static String ids() {
        return Arrays.stream(values()).map(Dialect::id).collect(Collectors.joining(", "));
    }

    /** What a kind URI names, the generation it belongs to, and whether it is spelt exactly as that generation does. */
    public record KindRef(Kind kind, Dialect dialect, boolean exact) {
    }

    private static final java.util.Map<String, Optional<KindRef>> KNOWN = new java.util.concurrent.ConcurrentHashMap<>();

    /** Reads a kind URI of any generation; empty when it is not an ExecutionBroker kind (an extension). */
    public static Optional<KindRef> parseUri(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        Optional<KindRef> known = KNOWN.get(uri);
        if (known != null) {
            return known;
        }
        Optional<KindRef> parsed = parse(uri);
        if (KNOWN.size() < 1000) {
            KNOWN.put(uri, parsed);
        }
        return parsed;
    }

    /** {@link #parseUri} without the cache. */
    static Optional<KindRef> parse(String uri) {
        if (uri.startsWith("uri:")) {
            // python-program's draft URI is written by every generation before the newest: it says nothing of one
            return Kind.findDraft(uri).map(k -> new KindRef(k, k == Kind.PYTHON ? NEWEST : V2023, true));
        }
        if (!uri.startsWith(PURL) && !uri.startsWith("http://www.purl.org/ivoa.net/")) {
            return Optional.empty();
        }
        // at least the four parts of the purl prefix
        String[] parts = uri.split("[?#]")[0].split("/");
        String family = normaliseFamily(parts[parts.length - 2]);
        String name = aliasName(parts[parts.length - 1].replaceFirst("\\.yaml$", "").replaceFirst("-1\\.0$", ""));
        Dialect dialect = uri.contains("/Calycopis-openapi/") ? V2026_08
                : uri.contains("/EB/schema/v1.0/") ? V2026_05
                : uri.contains("/types/resources/") || uri.contains("/types/executables/")
                        || uri.contains("-response-1.0") ? V2025_04
                : V2025_10;
        return Kind.find(family, name).map(k -> new KindRef(k, dialect, dialect.uri(k).equals(uri)));
    }

    private static String normaliseFamily(String family) {
        return switch (family) {
            case "executables" -> "executable";
            case "computer" -> "compute";
            case "offersets" -> "offerset";
            case "sessions" -> "session";
            default -> family;
        };
    }

    private static String aliasName(String name) {
        return switch (name) {
            case "execution-session-response" -> "scheduled-execution-session";
            case "offerset-response" -> "execution-offerset";
            default -> name;
        };
    }
}
