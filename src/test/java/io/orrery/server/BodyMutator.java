package io.orrery.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Hostile variants of valid bodies, seeded: type swaps, negative, huge and fractional numbers, nulls in every
 * position, deep nesting, long strings and lists, extension kinds with extreme sizes, absurd durations and instants,
 * and, on the text, truncation, invalid UTF-8 and stray bytes. Each call gives one body and the media types to send.
 */
final class BodyMutator {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The longest body made: past the broker's 1 MiB limit, so that some get 413. */
    private static final int MOST_BYTES = 1_200_000;
    static final String GPU_KIND = "https://example.org/eb/kinds/compute/gpu-compute-resource.yaml";
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/yaml",
            "application/json; charset=utf-8", "application/yaml;", "application/json;;", "; application/json",
            "application/yaml; charset=\"utf-8\"; x=1", "text/plain", "application/x-www-form-urlencoded", "",
            ";", "application/json; charset=latin1", "*/*", "application/vnd.api+json", "text/yaml;charset=",
            "application/yaml; q=0.5", "APPLICATION/JSON");
    private static final List<String> ACCEPTS = List.of("application/json", "application/yaml", "*/*",
            "application/json;q=abc", ";", "application/yaml; charset=utf-8; ", "text/html", "application/json;q=0",
            ",,,", "application/*;q=0.1, text/yaml", "application/json; q=1e999", "text/plain;q=1, */*;q=0.0001");
    private static final List<JsonNode> EXTREMES = List.of(NODES.numberNode(-1), NODES.numberNode(0),
            NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(Long.MIN_VALUE), NODES.numberNode(-4_000_000_000L),
            NODES.numberNode(1.5), NODES.numberNode(-0.5), NODES.numberNode(1e308), NODES.numberNode(
                    new java.math.BigInteger("99999999999999999999999999")), NODES.numberNode(Integer.MAX_VALUE),
            NODES.stringNode("4"), NODES.stringNode("-3"), NODES.stringNode("NaN"), NODES.booleanNode(true),
            NODES.nullNode(), NODES.arrayNode().add(1).add(2), NODES.objectNode().put("min", -5));
    private static final List<String> TIMES = List.of("PT9999999999999H", "P99999999999D", "PT-5M", "PT0S", "P1Y",
            "PT" + Long.MAX_VALUE + "S", "P106751991167300D", "-P1D", "P2D", "PT1H",
            "+999999999-12-31T23:59:59Z/PT1H", "2026-01-01T00:00:00Z/P999999999D", "-999999999-01-01T00:00:00Z/PT1S",
            "2026-12-01T00:00:00Z/P106751991167300D", "PT100000000H/2026-12-02T00:00:00Z", "2026-13-45T99:00:00Z",
            "2027-01-01T00:00:00Z/2026-01-01T00:00:00Z", "", " / ", "P1D/P1D");

    /** One body to send: the bytes, the Content-Type (null: none) and Accept (null: none). */
    record Mutant(byte[] body, String contentType, String accept, String how) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final Random r;

    BodyMutator(long seed) {
        this.r = new Random(seed);
    }

    Mutant mutate(JsonNode seed) {
        JsonNode tree = seed.deepCopy();
        List<String> how = new ArrayList<>();
        int rounds = 1 + r.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            tree = treeMutation(tree, how);
        }
        // deep or long trees go as JSON: YAML's block style indents every level, which makes them huge to write
        boolean json = r.nextBoolean() || depth(tree) > 12 || how.stream().anyMatch(h -> h.startsWith("6@"));
        byte[] bytes;
        try {
            bytes = (json ? JSON.writeValueAsString(tree) : YAML.writeValueAsString(tree)).getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException tooDeepToWrite) {
            how.add("deep");
            bytes = ("[".repeat(600) + "]".repeat(600)).getBytes(StandardCharsets.UTF_8);
        }
        if (r.nextInt(5) == 0) {
            bytes = textMutation(bytes, how);
        }
        if (bytes.length > MOST_BYTES) {
            how.add("cut to " + MOST_BYTES);
            bytes = java.util.Arrays.copyOf(bytes, MOST_BYTES);
        }
        String type = r.nextInt(4) == 0 ? pick(CONTENT_TYPES) : r.nextInt(10) == 0 ? null
                : json ? "application/json" : "application/yaml";
        String accept = r.nextInt(4) == 0 ? pick(ACCEPTS) : r.nextInt(10) == 0 ? null : "application/json";
        return new Mutant(bytes, type, accept, String.join(", ", how));
    }

    private JsonNode treeMutation(JsonNode tree, List<String> how) {
        List<Slot> slots = new ArrayList<>();
        collect(new Slot(tree, null, null, null, -1, ""), slots, 0);
        Slot s = slots.get(r.nextInt(slots.size()));
        int op = r.nextInt(12);
        how.add(op + "@" + s.where());
        JsonNode replacement = switch (op) {
            case 0 -> swapType(s.node());
            case 1, 2 -> pick(EXTREMES).deepCopy();
            case 3 -> NODES.nullNode();
            case 4 -> how.stream().filter(h -> h.startsWith("4@")).count() > 1 ? null : nest(s.node(), 20 + r.nextInt(60));
            case 5 -> NODES.stringNode("x".repeat(r.nextInt(8) == 0 ? 100_000 + r.nextInt(900_000) : 1 + r.nextInt(70_000)));
            case 6 -> longList(s.node());
            case 7 -> NODES.stringNode(pick(TIMES));
            case 8 -> withNulls(s.node());
            default -> null;
        };
        if (op == 9 && tree instanceof ObjectNode root) {
            root.set("compute", extensionCompute());
            return tree;
        }
        if (op == 10 && tree instanceof ObjectNode root) {
            schedule(root);
            return tree;
        }
        if (op == 11 && tree instanceof ObjectNode root) {
            ArrayNode list = NODES.arrayNode();
            list.addNull();
            root.set(r.nextBoolean() ? "storage" : "data", list);
            return tree;
        }
        if (replacement == null) {
            return tree;
        }
        return s.replace(tree, replacement);
    }

    private ObjectNode extensionCompute() {
        ObjectNode c = NODES.objectNode();
        c.put("kind", GPU_KIND);
        c.putObject("meta").put("name", "gpu");
        c.set("cores", NODES.objectNode().set("min", pick(EXTREMES).deepCopy()));
        c.set("memory", NODES.objectNode().set("min", pick(EXTREMES).deepCopy()));
        ObjectNode gpus = c.putObject("gpus");
        gpus.set("min", pick(EXTREMES).deepCopy());
        if (r.nextBoolean()) {
            gpus.put("model", "https://www.purl.org/ivoa.net/resource-types/nvidia-a100");
        }
        return c;
    }

    private void schedule(ObjectNode root) {
        ObjectNode requested = root.putObject("schedule").putObject("requested");
        if (r.nextBoolean()) {
            requested.put("duration", pick(TIMES));
        }
        if (r.nextBoolean()) {
            requested.put("start", pick(TIMES));
        }
        if (r.nextBoolean()) {
            requested.put("maxDuration", pick(TIMES));
        }
    }

    private JsonNode swapType(JsonNode n) {
        if (n.isString()) {
            return r.nextBoolean() ? NODES.numberNode(r.nextInt()) : NODES.objectNode().put("a", n.asString());
        }
        if (n.isNumber()) {
            return NODES.stringNode(n.asString());
        }
        if (n.isObject()) {
            return NODES.arrayNode().add(n);
        }
        if (n.isArray()) {
            return n.isEmpty() ? NODES.stringNode("[]") : n.get(0);
        }
        return NODES.objectNode();
    }

    private JsonNode nest(JsonNode n, int depth) {
        JsonNode out = n;
        for (int i = 0; i < depth; i++) {
            out = r.nextBoolean() ? NODES.arrayNode().add(out) : NODES.objectNode().set("x", out);
        }
        return out;
    }

    private JsonNode longList(JsonNode n) {
        ArrayNode a = NODES.arrayNode();
        int count = 1000 + r.nextInt(20_000);
        for (int i = 0; i < count; i++) {
            a.add(i % 2 == 0 ? NODES.numberNode(i) : NODES.stringNode("item" + i));
        }
        return a;
    }

    private JsonNode withNulls(JsonNode n) {
        ArrayNode a = n.isArray() ? (ArrayNode) n.deepCopy() : NODES.arrayNode().add(n);
        a.insertNull(r.nextInt(a.size() + 1));
        return a;
    }

    private byte[] textMutation(byte[] b, List<String> how) {
        int op = r.nextInt(4);
        how.add("text" + op);
        return switch (op) {
            case 0 -> java.util.Arrays.copyOf(b, r.nextInt(Math.max(1, b.length)));
            case 1 -> splice(b, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
            case 2 -> splice(b, new byte[] {(byte) "\"{[:-&*!|>'%@`\t\0".charAt(r.nextInt(16))});
            default -> {
                byte[] c = b.clone();
                for (int i = 0; i < 1 + r.nextInt(4) && c.length > 0; i++) {
                    c[r.nextInt(c.length)] = (byte) r.nextInt(256);
                }
                yield c;
            }
        };
    }

    private byte[] splice(byte[] b, byte[] insert) {
        int at = r.nextInt(b.length + 1);
        byte[] out = new byte[b.length + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at, out, at + insert.length, b.length - at);
        return out;
    }

    private static int depth(JsonNode n) {
        int most = 0;
        for (JsonNode child : n) {
            most = Math.max(most, depth(child));
        }
        return n.isContainer() ? most + 1 : 0;
    }

    private <T> T pick(List<T> from) {
        return from.get(r.nextInt(from.size()));
    }

    /** A place in the tree: its node, and how to put another node there. */
    private record Slot(JsonNode node, ObjectNode parentObject, String field, ArrayNode parentArray, int index,
                        String where) {
        JsonNode replace(JsonNode root, JsonNode with) {
            if (parentObject != null) {
                parentObject.set(field, with);
            } else if (parentArray != null) {
                parentArray.set(index, with);
            } else {
                return with;
            }
            return root;
        }
    }

    private static void collect(Slot self, List<Slot> out, int depth) {
        out.add(self);
        JsonNode n = self.node();
        if (depth > 40) {
            return;
        }
        if (n instanceof ObjectNode o) {
            for (String name : List.copyOf(o.propertyNames())) {
                collect(new Slot(o.get(name), o, name, null, -1, self.where() + "/" + name), out, depth + 1);
            }
        } else if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                collect(new Slot(a.get(i), null, null, a, i, self.where() + "/" + i), out, depth + 1);
            }
        }
    }
}
