package io.orrery.workbench.editor;

import io.orrery.model.Kind;
import io.orrery.model.codec.Dialect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The form for a document (a tree of the newest shape): the fields every request has, plus one section per
 * storage item, data item and volume mount it holds; and what each field shows.
 */
public final class FormValues {
    private static final Map<String, List<String[]>> DATA_FIELDS = Map.of(
            "simple-data-resource", List.<String[]>of(new String[] {"URL", "location"}),
            "S3-data-resource", List.of(new String[] {"Endpoint", "endpoint"}, new String[] {"Bucket", "bucket"},
                    new String[] {"Object", "object"}),
            "rucio-data-resource", List.of(new String[] {"Rucio endpoint", "rucio", "endpoint"},
                    new String[] {"Scope", "rucio", "scope"}, new String[] {"Object", "rucio", "object"}),
            "ivoa-data-resource", List.<String[]>of(new String[] {"IVOA id", "ivoa", "ivoid"}),
            "skao-data-resource", List.of(new String[] {"Namespace", "skao", "namespace"},
                    new String[] {"Object name", "skao", "objectname"}));

    private FormValues() {}

    /** The fields for this document. */
    public static List<FormField> fields(JsonNode tree) {
        List<FormField> out = new ArrayList<>(FormField.ALL);
        // an executable shows the fields of its kind: images for containers, a location for the others
        String exe = Dialect.parseUri(tree.path("executable").path("kind").asString("")).map(r -> r.kind().baseName())
                .orElse("");
        if (exe.equals("docker-container")) {
            out.removeIf(f -> f.id().equals("location"));
        } else if (List.of("jupyter-notebook", "singularity-container", "python-program").contains(exe)) {
            out.removeIf(f -> List.of("image", "digest", "command").contains(f.id()));
        }
        List<String> storageNames = names(tree.path("storage"));
        List<String> dataNames = names(tree.path("data"));
        JsonNode storage = tree.path("storage");
        for (int i = 0; i < storage.size(); i++) {
            String section = "Storage " + label(storage.get(i), i);
            out.add(field("storage." + i + ".min", section, "Size GiB, at least", FormField.Type.INTEGER, List.of(),
                    "storage", i, "size", "min"));
            out.add(field("storage." + i + ".max", section, "Size GiB, at most", FormField.Type.INTEGER, List.of(),
                    "storage", i, "size", "max"));
        }
        JsonNode data = tree.path("data");
        for (int i = 0; i < data.size(); i++) {
            String section = "Data " + label(data.get(i), i);
            String kind = Dialect.parseUri(data.get(i).path("kind").asString("")).map(r -> r.kind().baseName()).orElse("");
            for (String[] f : DATA_FIELDS.getOrDefault(kind, List.of())) {
                Object[] path = new Object[f.length + 1];
                path[0] = "data";
                path[1] = i;
                System.arraycopy(f, 1, path, 2, f.length - 1);
                out.add(field("data." + i + "." + String.join(".", List.of(f).subList(1, f.length)), section, f[0],
                        FormField.Type.TEXT, List.of(), path));
            }
            List<String> choices = new ArrayList<>(List.of(""));
            choices.addAll(storageNames);
            out.add(field("data." + i + ".storage", section, "Staged into", FormField.Type.CHOICE, choices,
                    "data", i, "storage"));
        }
        JsonNode volumes = tree.path("compute").path("volumes");
        for (int i = 0; i < volumes.size(); i++) {
            String section = "Mount " + label(volumes.get(i), i);
            List<String> resources = new ArrayList<>(dataNames);
            resources.addAll(storageNames);
            out.add(field("volume." + i + ".resource", section, "Data or storage", FormField.Type.CHOICE, resources,
                    "compute", "volumes", i, "resource"));
            out.add(field("volume." + i + ".path", section, "Path", FormField.Type.TEXT, List.of(),
                    "compute", "volumes", i, "path"));
            out.add(field("volume." + i + ".mode", section, "Mode", FormField.Type.CHOICE,
                    List.of("", "READONLY", "READWRITE"), "compute", "volumes", i, "mode"));
        }
        return out;
    }

    /** What each field shows. */
    public static Map<String, String> of(JsonNode tree, List<FormField> fields) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FormField f : fields) {
            JsonNode n = tree;
            for (String key : f.path()) {
                n = n == null ? null : key.startsWith("#") ? typed(n, key.substring(1))
                        : key.chars().allMatch(Character::isDigit) && n.isArray() ? n.get(Integer.parseInt(key)) : n.get(key);
            }
            out.put(f.id(), text(f, n));
        }
        return out;
    }

    /** The index of the item of a list whose type is type, or -1. */
    static int indexOf(JsonNode list, String type) {
        for (int i = 0; list != null && i < list.size(); i++) {
            if (type.equals(list.get(i).path("type").asString(""))) {
                return i;
            }
        }
        return -1;
    }

    private static JsonNode typed(JsonNode list, String type) {
        int i = indexOf(list, type);
        return i < 0 ? null : list.get(i);
    }

    private static String text(FormField f, JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "";
        }
        if (n.isArray()) {
            StringBuilder b = new StringBuilder();
            n.forEach(x -> b.append(b.isEmpty() ? "" : " ").append(x.asString()));
            return b.toString();
        }
        String s = n.asString();
        if (f.type() == FormField.Type.KIND) {
            return Dialect.parseUri(s).map(r -> r.kind().baseName()).orElse(s);
        }
        return s;
    }

    private static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(x -> {
            String n = x.path("meta").path("name").asString("");
            if (!n.isEmpty()) {
                out.add(n);
            }
        });
        return out;
    }

    private static String label(JsonNode item, int i) {
        String n = item.path("meta").path("name").asString("");
        return n.isEmpty() ? "#" + (i + 1) : n;
    }

    private static FormField field(String id, String section, String label, FormField.Type type, List<String> choices,
                                   Object... path) {
        List<String> p = new ArrayList<>();
        for (Object o : path) {
            p.add(String.valueOf(o));
        }
        return new FormField(id, section, label, List.copyOf(p), type, "", choices);
    }

    static String costKind(String list) {
        return list.equals("metrics") ? Kind.MINMAX_METRIC.uri() : Kind.MINMAX_COST.uri();
    }
}
