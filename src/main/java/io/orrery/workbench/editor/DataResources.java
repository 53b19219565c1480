package io.orrery.workbench.editor;

import io.orrery.workbench.event.AddDataResource;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A dataset sent from another tool, added to the task as a {@code simple-data-resource} with its URL as the
 * location and a name of its own ({@link YamlPatcher}: the rest of the text stays as it was). A read-only sample
 * gets the data in a copy, as Duplicate makes one.
 */
final class DataResources {
    static final String KIND = "https://www.purl.org/ivoa.net/Calycopis-openapi/schema/v1.0/kinds/data/"
            + "simple-data-resource.yaml";
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private DataResources() {}

    /** Adds the dataset to the editor's text and says what happened, in words for the status line. */
    static String addTo(EditorViewModel model, AddDataResource d) {
        if (!model.readOnlyProperty().get() && !model.formEditableProperty().get()) {
            return "Cannot add " + d.url() + " from " + d.from() + ": " + model.formNoteProperty().get();
        }
        String text;
        try {
            text = add(model.textProperty().get(), d);
        } catch (IllegalArgumentException e) {
            return "Cannot add " + d.url() + " from " + d.from() + ": " + e.getMessage();
        }
        boolean copy = model.readOnlyProperty().get();
        if (copy) {
            model.load(text, null, false, true);
        } else {
            model.textProperty().set(text);
        }
        return "Added " + d.url() + " from " + d.from() + " as input data" + (copy ? " to a copy of the sample: save"
                + " it to keep it" : "");
    }

    /** The text with the dataset appended to its {@code data} list (made if missing, as a block list at the end). */
    static String add(String text, AddDataResource d) {
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the task is not readable YAML", e);
        }
        JsonNode data = tree == null ? null : tree.get("data");
        if (data != null && !data.isArray()) {
            throw new IllegalArgumentException("its data is not a list");
        }
        Set<String> taken = new HashSet<>();
        if (data != null) {
            data.forEach(item -> taken.add(item.path("meta").path("name").asString("")));
        }
        String name = name(d, taken);
        if (data == null && !text.stripLeading().startsWith("{")) {
            return text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + "data:\n  - kind: "
                    + YamlPatcher.scalar(KIND) + "\n    meta:\n      name: " + YamlPatcher.scalar(name)
                    + "\n    location: " + YamlPatcher.scalar(d.url()) + "\n";
        }
        List<String> item = List.of("data", String.valueOf(data == null ? 0 : data.size()));
        Map<String, Object> kind = new LinkedHashMap<>();
        kind.put("kind", KIND);
        String withItem = YamlPatcher.appendItem(text, List.of("data"), kind);
        String named = YamlPatcher.set(withItem, List.of(item.get(0), item.get(1), "meta", "name"), name);
        return YamlPatcher.set(named, List.of(item.get(0), item.get(1), "location"), d.url());
    }

    /** A name for the data item: the sender's, else the file's, as lower-case words with dashes, not yet taken. */
    static String name(AddDataResource d, Set<String> taken) {
        String raw = d.name() != null && !d.name().isBlank() ? d.name() : d.url().replaceAll("[?#].*$", "")
                .replaceAll("/+$", "").replaceAll("^.*/", "");
        String base = raw.toLowerCase(Locale.ROOT).replaceAll("\\.(vot|votable|xml|fits?|csv)(\\.gz)?$", "")
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        base = base.isEmpty() ? "data" : base.length() > 60 ? base.substring(0, 60) : base;
        String name = base;
        for (int i = 2; taken.contains(name); i++) {
            name = base + "-" + i;
        }
        return name;
    }
}
