package io.orrery.workbench.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.model.ExecutionRequest;
import io.orrery.model.SimpleData;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import io.orrery.workbench.event.AddDataResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A dataset sent from another tool becomes a data item of the task, the rest of the text untouched. */
class DataResourcesTest {
    private static final AddDataResource GAIA = new AddDataResource("https://example.org/gaia/dr3.vot",
            "Gaia DR3 sample", "TOPCAT (SAMP)");

    private static String sample(String name) throws Exception {
        return Files.readString(Path.of("sample-tasks", name));
    }

    private static SimpleData last(String text) {
        ExecutionRequest r = WireCodec.readAs(text, Format.YAML, ExecutionRequest.class);
        return (SimpleData) r.data().get(r.data().size() - 1);
    }

    private static EditorViewModel loaded(String text, boolean sample) {
        EditorViewModel vm = new EditorViewModel();
        vm.load(text, sample ? Path.of("sample-tasks/x.yaml") : null, sample, false);
        vm.apply(Analysis.of(text));
        return vm;
    }

    @Test
    void aTaskWithoutDataGetsABlockListAndTheItemReadsBack() throws Exception {
        String before = sample("11-32-cores-4-hours.yaml");
        String after = DataResources.add(before, GAIA);
        assertTrue(after.startsWith(before), after);
        SimpleData d = last(after);
        assertEquals(DataResources.KIND, d.kind());
        assertEquals("gaia-dr3-sample", d.meta().name());
        assertEquals("https://example.org/gaia/dr3.vot", d.location());
        assertTrue(Analysis.of(after).problems().stream().noneMatch(io.orrery.model.check.LocatedFinding::isError),
                Analysis.of(after).problems().toString());
    }

    @Test
    void aBlockListGainsAnItemInItsStyleWithANameNotYetTaken() throws Exception {
        String before = sample("05-http-data-staged.yaml");
        AddDataResource same = new AddDataResource("file:///home/me/input-table.vot", null, "Aladin (SAMP)");
        String after = DataResources.add(before, same);
        assertEquals(2, WireCodec.readAs(after, Format.YAML, ExecutionRequest.class).data().size());
        assertEquals("input-table-2", last(after).meta().name(), "the sample's own item is called input-table");
        assertEquals("file:///home/me/input-table.vot", last(after).location());
        assertTrue(after.contains("\n  - kind: "), after);
        String flow = DataResources.add("data: []\n", GAIA);
        assertEquals("gaia-dr3-sample", last(flow).meta().name(), flow);
    }

    @Test
    void namesComeFromTheSenderOrTheFile() {
        assertEquals("m31", DataResources.name(new AddDataResource("http://x.org/img/M31.fits?x=1", null, "A"), Set.of()));
        assertEquals("data-3", DataResources.name(new AddDataResource("http://x.org/data/", " ", "A"),
                Set.of("data", "data-2")));
        assertEquals("x-org", DataResources.name(new AddDataResource("http://x.org/", null, "A"), Set.of()));
        assertEquals("data", DataResources.name(new AddDataResource("ivo://", "***", "A"), Set.of()));
    }

    @Test
    void aSampleGetsTheDataInACopyAndAnOlderGenerationIsLeftAlone() throws Exception {
        EditorViewModel vm = loaded(sample("11-32-cores-4-hours.yaml"), true);
        String said = DataResources.addTo(vm, GAIA);
        assertTrue(said.endsWith("to a copy of the sample: save it to keep it"), said);
        assertNull(vm.fileProperty().get());
        assertTrue(vm.dirtyProperty().get());
        assertEquals("https://example.org/gaia/dr3.vot", last(vm.textProperty().get()).location());

        String old = sample("18-generation-2025-10.yaml");
        EditorViewModel older = loaded(old, false);
        String refused = DataResources.addTo(older, GAIA);
        assertTrue(refused.startsWith("Cannot add https://example.org/gaia/dr3.vot from TOPCAT (SAMP): Written in the"),
                refused);
        assertEquals(old, older.textProperty().get());
    }
}
