package io.orrery.workbench.editor;

import io.orrery.model.Kind;
import java.util.List;

/**
 * What a form edit adds so that the task it writes stays well formed: a component that gets a value from the form
 * gets a {@code kind} when it has none (a simple compute resource for cores and memory; a container for an image, a
 * digest or a command; a notebook for a location), written before the value.
 */
final class MissingKinds {
    private MissingKinds() {}

    /** The text with the kind the component at path needs, if it lacks one; the text as it is otherwise. */
    static String addFor(String text, List<String> path) {
        if (path.size() < 2 || path.get(1).equals("kind")) {
            return text;
        }
        Kind kind = switch (path.get(0)) {
            case "compute" -> Kind.SIMPLE_COMPUTE;
            case "executable" -> path.get(1).equals("location") ? Kind.JUPYTER : Kind.DOCKER;
            default -> null;
        };
        List<String> at = List.of(path.get(0), "kind");
        return kind == null || YamlPatcher.has(text, at) ? text : YamlPatcher.set(text, at, kind.uri());
    }
}
