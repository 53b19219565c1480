package io.orrery.workbench.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Fixtures;
import org.junit.jupiter.api.Test;

/** The editor and form in sync, without the toolkit. */
class EditorViewModelTest {
    private static final String TEXT = "# my run\n" + Fixtures.DOCKER + """
            compute:
              kind: %scompute/simple-compute-resource.yaml
              cores: {min: 2, max: 8}   # keep me
            """.formatted(Fixtures.K);

    private static EditorViewModel loaded(String text) {
        EditorViewModel vm = new EditorViewModel();
        vm.load(text, null, false, false);
        vm.apply(Analysis.of(text));
        return vm;
    }

    @Test
    void textFillsTheForm() {
        EditorViewModel vm = loaded(TEXT);
        assertEquals("docker-container", vm.field("executableKind").get());
        assertEquals("ghcr.io/x/y:1", vm.field("image").get());
        assertEquals("2", vm.field("coresMin").get());
        assertEquals("8", vm.field("coresMax").get());
        assertEquals("", vm.field("memoryMin").get());
        assertTrue(vm.sendableProperty().get());
        assertFalse(vm.dirtyProperty().get());
    }

    @Test
    void formEditsChangeOnlyTheirValue() {
        EditorViewModel vm = loaded(TEXT);
        vm.field("coresMax").set("16");
        assertEquals(TEXT.replace("max: 8}   # keep me", "max: 16}   # keep me"), vm.textProperty().get());
        vm.field("memoryMin").set("32");
        assertTrue(vm.textProperty().get().contains("cores: {min: 2, max: 16}   # keep me\n  memory:\n    min: 32\n"),
                vm.textProperty().get());
        assertTrue(vm.textProperty().get().startsWith("# my run\n"));
        assertTrue(vm.dirtyProperty().get());
        vm.field("duration").set("PT2H");
        assertTrue(vm.textProperty().get().endsWith("schedule:\n  requested:\n    duration: PT2H\n"), vm.textProperty().get());
    }

    @Test
    void badNumbersAreRefusedWithAMessage() {
        EditorViewModel vm = loaded(TEXT);
        vm.field("coresMin").set("many");
        assertEquals(TEXT, vm.textProperty().get());
        assertTrue(vm.statusProperty().get().contains("not a whole number"));
    }

    @Test
    void problemsAndTemplatesBlockSending() {
        EditorViewModel vm = loaded(TEXT.replace("{min: 2, max: 8}", "{min: 9, max: 8}"));
        assertFalse(vm.sendableProperty().get());
        assertEquals(10, vm.problems().get(0).position().line());
        EditorViewModel template = loaded(TEXT + "data:\n  - kind: " + Fixtures.K + "data/abstract-data-resource.yaml\n"
                + "    meta: {name: d}\n");
        assertFalse(template.sendableProperty().get());
        assertTrue(template.formNoteProperty().get().contains("template"));
    }

    @Test
    void olderGenerationsAndBrokenTextLeaveTheFormReadOnly() {
        EditorViewModel old = loaded("executable:\n  type: https://www.purl.org/ivoa.net/EB/schema/types/executables/"
                + "docker-container-1.0\n  image: {locations: [a/b:1]}\n");
        assertFalse(old.formEditableProperty().get());
        old.field("digest").set("sha256:00");
        assertFalse(old.textProperty().get().contains("sha256"), "the form does not write into a legacy text");
        EditorViewModel broken = loaded("executable: {kind: x\n");
        assertFalse(broken.formEditableProperty().get());
        assertEquals(1, broken.problems().size());
    }

    @Test
    void staleAnalysesAreIgnored() {
        EditorViewModel vm = loaded(TEXT);
        Analysis old = Analysis.of(TEXT.replace("min: 2", "min: 3"));
        vm.apply(old);
        assertEquals("2", vm.field("coresMin").get());
    }

    @Test
    void itemsGetTheirOwnSectionsAndCapsAreAddedByType() throws Exception {
        String text = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("orrery.samples",
                "sample-tasks")).resolve("05-http-data-staged.yaml"));
        EditorViewModel vm = loaded(text);
        assertEquals("10", vm.field("storage.0.min").get());
        assertEquals("https://example.org/data/numbers.vot", vm.field("data.0.location").get());
        assertEquals("staging-area", vm.field("data.0.storage").get());
        assertEquals("input-table", vm.field("volume.0.resource").get());
        vm.field("storage.0.max").set("40");
        assertTrue(vm.textProperty().get().contains("size: {min: 10, max: 40}"), vm.textProperty().get());
        vm.field("capMoney").set("2.5");
        assertTrue(vm.textProperty().get().endsWith("costs: [{kind: \"" + io.orrery.model.Kind.MINMAX_COST.uri()
                + "\", type: \"urn:ivoa:calycopis:cost:monetary\", max: 2.5}]\n"), vm.textProperty().get());
        vm.apply(Analysis.of(vm.textProperty().get()));
        assertEquals("2.5", vm.field("capMoney").get());
        vm.field("capMoney").set("3");
        assertTrue(vm.textProperty().get().contains("max: 3.0}]"), vm.textProperty().get());
    }

    @Test
    void settingCoresOnATaskWithoutComputeAddsTheKindAndTheTaskIsValid() {
        EditorViewModel vm = loaded(Fixtures.DOCKER);
        vm.field("coresMin").set("4");
        String text = vm.textProperty().get();
        assertTrue(text.contains("compute:\n  kind: \"" + io.orrery.model.Kind.SIMPLE_COMPUTE.uri() + "\"\n"
                + "  cores:\n    min: 4\n"), text);
        assertTrue(io.orrery.model.check.Checker.check(text, io.orrery.model.codec.Format.YAML).stream()
                .noneMatch(io.orrery.model.check.LocatedFinding::isError), "the validator passes: " + text);
        EditorViewModel noKind = loaded(Fixtures.DOCKER + "compute:\n  cores: {min: 2}\n");
        noKind.field("memoryMin").set("8");
        assertTrue(noKind.textProperty().get().contains("kind: \"" + io.orrery.model.Kind.SIMPLE_COMPUTE.uri()),
                noKind.textProperty().get());
        EditorViewModel kindless = loaded("executable:\n  meta: {name: x}\n");
        kindless.field("image").set("ghcr.io/a/b:1");
        assertTrue(kindless.textProperty().get().startsWith("executable:\n  meta: {name: x}\n  kind: \""
                + io.orrery.model.Kind.DOCKER.uri() + "\"\n"), kindless.textProperty().get());
    }

    @Test
    void durationsTypedTheHumanWayAreWrittenAsIso() {
        EditorViewModel vm = loaded(TEXT);
        vm.field("duration").set("3h");
        assertTrue(vm.textProperty().get().endsWith("duration: PT3H\n"), vm.textProperty().get());
        vm.field("duration").set("1d 2h");
        assertTrue(vm.textProperty().get().endsWith("duration: P1DT2H\n"), vm.textProperty().get());
        assertTrue(vm.fieldErrors().isEmpty());
    }

    @Test
    void badDurationTextIsRefusedWithAMessageAtTheField() {
        EditorViewModel vm = loaded(TEXT);
        vm.field("duration").set("3 hours-ish");
        assertFalse(vm.textProperty().get().contains("hours-ish"), "nothing unreadable is written");
        assertTrue(vm.fieldErrors().get("duration").contains("3h, 90m"), vm.fieldErrors().toString());
        vm.field("duration").set("90m");
        assertTrue(vm.textProperty().get().endsWith("duration: PT1H30M\n"));
        assertFalse(vm.fieldErrors().containsKey("duration"), "a good value clears the message");
    }

    @Test
    void errorsOfTheTextAreShownAtTheirFields() {
        EditorViewModel vm = loaded(TEXT.replace("{min: 2, max: 8}", "{min: 9, max: 8}"));
        assertTrue(vm.fieldErrors().get("coresMin").contains("more than the maximum"), vm.fieldErrors().toString());
        assertTrue(vm.fieldErrors().containsKey("coresMax"));
        assertFalse(vm.fieldErrors().containsKey("memoryMin"));
    }

    @Test
    void errorsComeBeforeWarnings() {
        String noDigest = TEXT.replaceAll("(?m)^    digest: .*\n", "").replace("{min: 2, max: 8}", "{min: 9, max: 8}");
        EditorViewModel vm = loaded(noDigest);
        assertTrue(vm.problems().size() >= 2, vm.problems().toString());
        assertTrue(vm.problems().get(0).isError(), vm.problems().toString());
        assertFalse(vm.problems().get(vm.problems().size() - 1).isError(), vm.problems().toString());
    }

    @Test
    void aDuplicateOfASampleIsEditableAtOnce() {
        EditorViewModel vm = new EditorViewModel();
        vm.load(TEXT, java.nio.file.Path.of("sample-tasks/x.yaml"), true, false);
        vm.apply(Analysis.of(TEXT));
        assertFalse(vm.formEditableProperty().get(), "a sample is read-only");
        vm.load(TEXT, null, false, true); // what Duplicate does: the same text, read already
        assertTrue(vm.formEditableProperty().get(), "the copy is editable before any new reading");
        vm.field("coresMax").set("16");
        assertTrue(vm.textProperty().get().contains("max: 16}"));
        vm.load("executable: {kind: x\n", null, false, false);
        assertFalse(vm.formEditableProperty().get(), "another text waits for its reading");
    }

    @Test
    void theExecutableKeepsAKnownKind() {
        EditorViewModel vm = loaded(TEXT);
        vm.field("executableKind").set("");
        assertEquals(TEXT, vm.textProperty().get(), "the kind is not removed");
        assertTrue(vm.fieldErrors().get("executableKind").contains("needs a kind"), vm.fieldErrors().toString());
        vm.field("executableKind").set("dockr");
        assertEquals(TEXT, vm.textProperty().get());
        assertTrue(vm.fieldErrors().get("executableKind").contains("'dockr' is not a kind"));
        vm.field("executableKind").set("jupyter-notebook");
        assertTrue(vm.textProperty().get().contains(io.orrery.model.Kind.JUPYTER.uri()));
        assertFalse(vm.fieldErrors().containsKey("executableKind"));
    }
}
