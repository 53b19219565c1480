package io.orrery.workbench.editor;

import io.orrery.model.check.LocatedFinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Which form fields the errors of a text are about: a finding on {@code compute.cores} is about both cores fields, one
 * on {@code storage[0].size.min} about that storage item's minimum; an item chosen by type is found in the tree.
 */
final class FieldFaults {
    private FieldFaults() {}

    /** The error messages by field id (several joined by new lines); fields without errors are left out. */
    static Map<String, String> of(List<LocatedFinding> problems, List<FormField> fields, JsonNode tree) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FormField f : fields) {
            String at = dotted(f, tree);
            if (at == null) {
                continue;
            }
            List<String> found = new ArrayList<>();
            for (LocatedFinding p : problems) {
                if (p.isError() && p.field() != null && !p.field().isEmpty() && about(at, p.field())) {
                    found.add(p.message());
                }
            }
            if (!found.isEmpty()) {
                out.put(f.id(), String.join("\n", found));
            }
        }
        return out;
    }

    /**
     * Whether a finding on {@code finding} concerns the field at {@code field} (one holds the other); a finding on a
     * whole component ({@code compute}: its kind is missing, say) is about none of its fields.
     */
    static boolean about(String field, String finding) {
        boolean component = finding.indexOf('.') < 0 && finding.indexOf('[') < 0;
        return field.equals(finding) || !component && within(field, finding) || within(finding, field);
    }

    private static boolean within(String inner, String outer) {
        return inner.startsWith(outer) && (inner.charAt(outer.length()) == '.' || inner.charAt(outer.length()) == '[');
    }

    /** The field's place as findings name it ({@code storage[0].size.min}), or null when its item is not there. */
    static String dotted(FormField f, JsonNode tree) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < f.path().size(); i++) {
            String key = f.path().get(i);
            if (key.startsWith("#")) {
                int index = FormValues.indexOf(tree == null ? null : tree.get(f.path().get(0)), key.substring(1));
                if (index < 0) {
                    return null;
                }
                b.append('[').append(index).append(']');
            } else if (key.chars().allMatch(Character::isDigit)) {
                b.append('[').append(key).append(']');
            } else {
                b.append(i == 0 ? "" : ".").append(key);
            }
        }
        return b.toString();
    }
}
