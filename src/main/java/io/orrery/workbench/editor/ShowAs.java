package io.orrery.workbench.editor;

import io.orrery.model.WireDocument;
import io.orrery.workbench.brokers.BrokerEntry;
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

    /** A broker checked in the Brokers panel: its name, and its URL ({@code builtin:NAME} for a built-in one). */
    public record Target(String name, String url) {
        public boolean builtIn() {
            return url.startsWith("builtin:");
        }
    }

    /** The brokers checked in the Brokers panel, as targets of the commands. */
    public static List<Target> of(List<BrokerEntry> checked) {
        return checked.stream().map(e -> new Target(e.name(), e.url())).toList();
    }

    /**
     * The text for a choice; file is where the task is saved (or null), brokers the ones checked in the Brokers
     * panel, which the commands send it to.
     */
    public static String render(String text, String choice, Path file, List<Target> brokers) {
        String where = quote(file == null ? "task.yaml" : file.toString());
        if (choice.equals("./orrery command")) {
            return orrery(where, brokers);
        }
        if (choice.equals("curl command")) {
            return curl(where, brokers);
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

    private static final String NONE_CHECKED = "# no broker is checked in the Brokers panel: check one to get its command\n";

    /** Validate, ask the checked brokers, accept the first offer listed and follow it. */
    private static String orrery(String where, List<Target> brokers) {
        StringBuilder b = new StringBuilder("./orrery validate " + where + "\n");
        if (brokers.isEmpty()) {
            return NONE_CHECKED + b;
        }
        b.append("./orrery offers ").append(where);
        for (Target t : brokers) {
            b.append(" \\\n    --broker ").append(quote(t.url()));
        }
        return b.append("\n./orrery accept 1    # the offer numbered 1 in that listing (or its URL)\n")
                .append("./orrery watch 1\n").toString();
    }

    /**
     * One POST per checked broker; a built-in broker has no URL, so it is served first by {@code orrery serve} on
     * a port of its own.
     */
    private static String curl(String where, List<Target> brokers) {
        if (brokers.isEmpty()) {
            return NONE_CHECKED;
        }
        StringBuilder b = new StringBuilder();
        if (brokers.stream().anyMatch(t -> !t.builtIn())) {
            b.append("# a broker that needs a login: add -u USER (curl asks for the password) or\n"
                    + "# -H 'Authorization: Bearer TOKEN'\n");
        }
        int port = 8080;
        for (Target t : brokers) {
            String base = t.url().replaceAll("/+$", "");
            b.append("# ").append(t.name()).append('\n');
            if (t.builtIn()) {
                b.append("# runs inside Orrery, with no URL: serve the same platform first\n")
                        .append("./orrery serve --platform ").append(quote(t.url().substring("builtin:".length())))
                        .append(" --port ").append(port).append(" &\n");
                base = "http://127.0.0.1:" + port++;
            }
            b.append("curl -s -X POST -H 'Content-Type: application/yaml' -H 'Accept: application/yaml' \\\n"
                    + "     --data-binary @").append(where).append(' ').append(quote(base + "/requests")).append('\n');
        }
        return b.toString();
    }

    /** A word as a POSIX shell reads it: as it is when it is safe, else in single quotes. */
    static String quote(String word) {
        return word.matches("[A-Za-z0-9_./:@%+=,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
