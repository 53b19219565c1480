package io.orrery.workbench.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A form edit changes only its own part of the text. */
class YamlPatcherTest {
    private static final String TEXT = """
            # my analysis: keep this comment
            executable:
              kind: https://example.org/docker  # trailing comment
              image: {locations: [a/b:1], digest: "sha256:00"}
            compute:
              cores: {min: 2, max: 8}
              memory:
                min: 4   # four
                max: 16
            # schedule below
            schedule:
              requested:
                duration: PT90M
            """;

    private static List<String> p(String... keys) {
        return List.of(keys);
    }

    @Test
    void replacesAScalarInPlace() {
        String out = YamlPatcher.set(TEXT, p("compute", "memory", "min"), 32L);
        assertEquals(TEXT.replace("min: 4   # four", "min: 32   # four"), out);
        assertEquals(TEXT.replace("{min: 2, max: 8}", "{min: 2, max: 12}"), YamlPatcher.set(TEXT, p("compute", "cores", "max"), 12L));
        assertEquals(TEXT.replace("duration: PT90M", "duration: PT2H"), YamlPatcher.set(TEXT, p("schedule", "requested", "duration"), "PT2H"));
    }

    @Test
    void addsKeysInTheStyleOfTheirMapping() {
        String block = YamlPatcher.set(TEXT, p("schedule", "requested", "start"), "2027-03-01T09:00:00Z/PT3H");
        assertEquals(TEXT.replace("    duration: PT90M\n", "    duration: PT90M\n    start: \"2027-03-01T09:00:00Z/PT3H\"\n"), block);
        String flow = YamlPatcher.set(TEXT, p("executable", "image", "platform", "architecture"), "amd64");
        assertEquals(TEXT.replace("digest: \"sha256:00\"}", "digest: \"sha256:00\", platform: {architecture: amd64}}"), flow);
        String parents = YamlPatcher.set("executable:\n  kind: x\n", p("compute", "cores", "min"), 4L);
        assertEquals("executable:\n  kind: x\ncompute:\n  cores:\n    min: 4\n", parents);
        String inner = YamlPatcher.set(TEXT, p("compute", "memory", "units"), "GiB");
        assertEquals(TEXT.replace("    max: 16\n", "    max: 16\n    units: GiB\n"), inner);
    }

    @Test
    void removesAKeyWithItsLine() {
        assertEquals(TEXT.replace("    min: 4   # four\n", ""), YamlPatcher.set(TEXT, p("compute", "memory", "min"), null));
        assertEquals(TEXT.replace("{min: 2, max: 8}", "{min: 2}"), YamlPatcher.set(TEXT, p("compute", "cores", "max"), null));
        assertEquals(TEXT.replace("  memory:\n    min: 4   # four\n    max: 16\n", ""),
                YamlPatcher.set(TEXT, p("compute", "memory"), null));
    }

    @Test
    void quotesWhatWouldReadAsSomethingElse() {
        assertEquals("plain-word", YamlPatcher.scalar("plain-word"));
        assertEquals("\"yes\"", YamlPatcher.scalar("yes"));
        assertEquals("\"42\"", YamlPatcher.scalar("42"));
        assertEquals("\"a: b\"", YamlPatcher.scalar("a: b"));
        assertEquals("\"say \\\"hi\\\"\"", YamlPatcher.scalar("say \"hi\""));
        assertEquals("8", YamlPatcher.scalar(8L));
    }

    @Test
    void appendsListItemsInTheStyleOfTheList() {
        java.util.Map<String, Object> cap = new java.util.LinkedHashMap<>();
        cap.put("type", "urn:ivoa:calycopis:cost:monetary");
        cap.put("max", 0.5);
        String created = YamlPatcher.appendItem("executable:\n  kind: x\n", p("costs"), cap);
        assertEquals("executable:\n  kind: x\ncosts: [{type: \"urn:ivoa:calycopis:cost:monetary\", max: 0.5}]\n", created);
        String block = "costs:\n  - type: a\n    max: 1\n# end\n";
        assertEquals("costs:\n  - type: a\n    max: 1\n  - type: \"urn:ivoa:calycopis:cost:monetary\"\n    max: 0.5\n# end\n",
                YamlPatcher.appendItem(block, p("costs"), cap));
        assertEquals("costs: [{type: a}, {type: \"urn:ivoa:calycopis:cost:monetary\", max: 0.5}]\n",
                YamlPatcher.appendItem("costs: [{type: a}]\n", p("costs"), cap));
    }
}
