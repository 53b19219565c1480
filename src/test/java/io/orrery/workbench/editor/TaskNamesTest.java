package io.orrery.workbench.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.orrery.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Save as proposes the task's name as a .yaml file, and a name typed without an extension gets .yaml. */
class TaskNamesTest {
    @Test
    void theProposalIsTheTasksNameInYaml() {
        assertEquals("job.yaml", TaskNames.proposal(Fixtures.DOCKER, null), "the executable's name");
        assertEquals("my-run.yaml", TaskNames.proposal("meta: {name: my run}\n" + Fixtures.DOCKER, null),
                "the task's own name first, made safe for a file name");
        assertEquals("old.yaml", TaskNames.proposal("executable: {kind: x\n", Path.of("/t/old.json")),
                "an unreadable text keeps its file's name");
        assertEquals("task.yaml", TaskNames.proposal("", null));
    }

    @Test
    void aNameWithoutExtensionGetsYaml() {
        assertEquals(Path.of("/t/my-32-cores.yaml"), TaskNames.withExtension(Path.of("/t/my-32-cores")));
        assertEquals(Path.of("/t/a.yaml"), TaskNames.withExtension(Path.of("/t/a.yaml")));
        assertEquals(Path.of("/t/a.YML"), TaskNames.withExtension(Path.of("/t/a.YML")));
        assertEquals(Path.of("/t/a.json"), TaskNames.withExtension(Path.of("/t/a.json")));
        assertEquals(Path.of("/t/v1.2.yaml"), TaskNames.withExtension(Path.of("/t/v1.2")));
    }
}
