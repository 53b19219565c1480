package io.orrery.workbench.editor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The form's texts read from a document tree (newest shape): what each field shows. */
public final class FormValues {
    private FormValues() {}

    public static Map<String, String> of(JsonNode tree) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FormField f : FormField.ALL) {
            JsonNode n = tree;
            for (String key : f.path()) {
                n = n == null ? null : n.get(key);
            }
            out.put(f.id(), text(f, n));
        }
        return out;
    }

    private static String text(FormField f, JsonNode n) {
        if (n == null || n.isNull()) {
            return "";
        }
        if (n.isArray()) {
            StringBuilder b = new StringBuilder();
            n.forEach(x -> b.append(b.isEmpty() ? "" : " ").append(x.asString()));
            return b.toString();
        }
        String s = n.asString();
        if (f.type() == FormField.Type.KIND) {
            return io.orrery.model.codec.Dialect.parseUri(s).map(r -> r.kind().baseName()).orElse(s);
        }
        return s;
    }

    static List<String> ids() {
        return FormField.ALL.stream().map(FormField::id).toList();
    }
}
