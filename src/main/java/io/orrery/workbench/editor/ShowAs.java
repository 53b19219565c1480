package io.orrery.workbench.editor;

import io.orrery.model.WireDocument;
import io.orrery.model.codec.Dialect;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.SyntaxException;
import io.orrery.model.codec.WireCodec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The task on screen in other words: YAML in any generation, JSON, and the {@code ./orrery} and {@code curl}
 * commands that do the same thing, ready to copy (as TOPCAT shows the STILTS command for what is on screen).
 */
public final class ShowAs {
    private ShowAs() {}

    /** The choices, as shown. */
    public static List<String> choices() {
        List<String> out = new ArrayList<>();
        for (Dialect d : Dialect.values()) {
            out.add("YAML, " + d.id() + (d == Dialect.NEWEST ? " (newest)" : ""));
        }
        out.add("JSON");
        out.add("./orrery command");
        out.add("curl command");
        return out;
    }

    /** The text for a choice; file is where the task is saved (or null), broker a base URL to send it to. */
    public static String render(String text, String choice, Path file, String broker) {
        String where = file == null ? "task.yaml" : file.toString();
        if (choice.equals("./orrery command")) {
            return "./orrery validate " + where + "\n./orrery offers " + where + " --broker " + broker + "\n";
        }
        if (choice.equals("curl command")) {
            return "curl -s -X POST -H 'Content-Type: application/yaml' -H 'Accept: application/yaml' \\\n"
                    + "     --data-binary @" + where + " " + broker + "/requests\n";
        }
        WireDocument doc;
        try {
            doc = WireCodec.read(text, Format.guess(file, text)).document().orElse(null);
        } catch (SyntaxException e) {
            return "# the text cannot be read: " + e.getMessage() + "\n";
        }
        if (doc == null) {
            return "# the text is not an ExecutionBroker document yet: see the problems\n";
        }
        if (choice.equals("JSON")) {
            return WireCodec.write(doc, Format.JSON);
        }
        for (Dialect d : Dialect.values()) {
            if (choice.startsWith("YAML, " + d.id())) {
                return WireCodec.write(doc, Format.YAML, d);
            }
        }
        throw new IllegalArgumentException("no such choice: " + choice);
    }
}
