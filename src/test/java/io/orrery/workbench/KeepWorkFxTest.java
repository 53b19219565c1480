package io.orrery.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Fixtures;
import io.orrery.workbench.editor.EditorViewModel;
import io.orrery.workbench.editor.FileDialogs;
import io.orrery.workbench.library.Recovery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, headless: unsaved edits survive Open, New and Quit through the save prompt; a normal quit leaves
 * no crash report, a crash does, with a time a person reads; Save as lands in My tasks; Duplicate is editable.
 */
@ExtendWith(ApplicationExtension.class)
class KeepWorkFxTest {
    private static final String TEXT = Fixtures.DOCKER + """
            compute:
              kind: %scompute/simple-compute-resource.yaml
              cores: {min: 2, max: 8}
            """.formatted(Fixtures.K);
    private static final String OTHER = TEXT.replace("max: 8}", "max: 6}");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path config;

    private Path dir;
    private Workbench wb;
    private final AtomicInteger exits = new AtomicInteger();

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory(config, "run");
        wb = new Workbench(stage, dir);
        wb.exitWith(exits::incrementAndGet); // the toolkit stays up for the other tests
        stage.show();
    }

    @AfterEach
    void closeIt(FxRobot robot) {
        robot.interact(() -> {
            robot.listWindows().stream().filter(w -> w instanceof Stage s && s.getOwner() != null)
                    .map(Stage.class::cast).toList().forEach(Stage::close); // a prompt a failed test left open
            wb.close();
        });
    }

    private EditorViewModel editor() {
        return wb.editor().model();
    }

    private Path task(String name, String text) throws Exception {
        Path p = dir.resolve("tasks").resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private void openAndSettle(FxRobot robot, Path file) {
        robot.interact(() -> wb.editor().open(file));
        OnFx.await(WAIT, "the editor to show " + file, () -> file.equals(editor().fileProperty().get()));
        EditorSettles.settle(robot, wb);
    }

    /** Types a line at the top of the editor, as a user would. */
    private void edit(FxRobot robot, String line) {
        CodeArea area = robot.lookup("#yamlEditor").queryAs(CodeArea.class);
        robot.interact(() -> area.insertText(0, line + "\n"));
        OnFx.await(WAIT, "the edit to mark the buffer unsaved", () -> editor().dirtyProperty().get());
    }

    private static Button button(FxRobot robot, String text) {
        return robot.lookup((Node n) -> n instanceof Button b && text.equals(b.getText()) && b.getScene() != null
                && b.getScene().getWindow() != null && b.getScene().getWindow().isShowing())
                .tryQuery().map(Button.class::cast).orElse(null);
    }

    /** Waits for the save prompt and answers it with the button of that text. */
    private static void answer(FxRobot robot, String choice) {
        OnFx.await(WAIT, "the save prompt", () -> button(robot, choice) != null);
        Button b = button(robot, choice);
        robot.interact(b::fire);
        OnFx.await(WAIT, "the save prompt to close", () -> robot.lookup("#savePrompt").tryQuery().isEmpty());
    }

    /** The library's row of that name as shown (the tree keeps hidden cells of its own for measuring). */
    private static Node libraryCell(FxRobot robot, String name) {
        return robot.lookup((Node n) -> n instanceof TreeCell<?> c && name.equals(c.getText()) && c.getIndex() >= 0
                && OnFx.shown(c)).tryQuery().orElse(null);
    }

    private void openFromLibrary(FxRobot robot, String name) {
        robot.interact(() -> wb.library().refresh());
        OnFx.await(WAIT, name + " in the library", () -> libraryCell(robot, name) != null);
        // at the row's start: a long name makes the row wider than the pane, so its middle may be off the pane
        robot.moveTo(libraryCell(robot, name), javafx.geometry.Pos.CENTER_LEFT, new javafx.geometry.Point2D(24, 0),
                org.testfx.robot.Motion.DIRECT).doubleClickOn(javafx.scene.input.MouseButton.PRIMARY);
    }

    @Test
    void unsavedEditsSurviveOpeningAnotherTaskFromTheLibrary(FxRobot robot) throws Exception {
        Path a = task("a.yaml", TEXT);
        Path b = task("b.yaml", OTHER);
        openAndSettle(robot, a);
        edit(robot, "# edited a");
        openFromLibrary(robot, "b.yaml");
        answer(robot, "Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(a, editor().fileProperty().get(), "Cancel keeps the task open");
        assertEquals("# edited a\n" + TEXT, editor().textProperty().get(), "and its edits");
        assertTrue(editor().dirtyProperty().get());

        openFromLibrary(robot, "b.yaml");
        answer(robot, "Save");
        OnFx.await(WAIT, "b.yaml opened after the save", () -> b.equals(editor().fileProperty().get()));
        assertEquals("# edited a\n" + TEXT, Files.readString(a), "Save wrote the edits first");
        assertEquals(OTHER, editor().textProperty().get());
        EditorSettles.settle(robot, wb);

        edit(robot, "# edited b");
        openFromLibrary(robot, "a.yaml");
        answer(robot, "Don't save");
        OnFx.await(WAIT, "a.yaml opened", () -> a.equals(editor().fileProperty().get())
                && editor().textProperty().get().startsWith("# edited a"));
        assertEquals(OTHER, Files.readString(b), "Don't save discards the edits");
        assertFalse(editor().dirtyProperty().get());
    }

    @Test
    void unsavedEditsSurviveNewThroughThePrompt(FxRobot robot) throws Exception {
        Path a = task("a.yaml", TEXT);
        openAndSettle(robot, a);
        edit(robot, "# edited");
        robot.push(KeyCode.CONTROL, KeyCode.N);
        answer(robot, "Cancel");
        assertEquals("# edited\n" + TEXT, editor().textProperty().get());
        assertEquals(a, editor().fileProperty().get());

        robot.push(KeyCode.CONTROL, KeyCode.N);
        answer(robot, "Don't save");
        OnFx.await(WAIT, "a new task", () -> editor().fileProperty().get() == null
                && editor().textProperty().get().startsWith("# a new task"));
        assertEquals(TEXT, Files.readString(a));
    }

    @Test
    void quitAsksCancelKeepsTheWindowAndSaveWritesBeforeQuitting(FxRobot robot) throws Exception {
        Path a = task("a.yaml", TEXT);
        openAndSettle(robot, a);
        edit(robot, "# edited");
        robot.push(KeyCode.CONTROL, KeyCode.Q);
        answer(robot, "Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, exits.get(), "Cancel does not quit");
        assertTrue(wb.editor().isActive(), "the window goes on");
        assertEquals("# edited\n" + TEXT, editor().textProperty().get());

        robot.push(KeyCode.CONTROL, KeyCode.Q);
        answer(robot, "Save");
        OnFx.await(WAIT, "the quit after the save", () -> exits.get() == 1);
        assertEquals("# edited\n" + TEXT, Files.readString(a));
        assertTrue(new Recovery(dir).find().isEmpty());
    }

    @Test
    void aNormalQuitLeavesNoCrashReportOnTheNextStart(FxRobot robot) throws Exception {
        robot.interact(() -> wb.editor().newTask());
        EditorSettles.settle(robot, wb);
        edit(robot, "# unsaved");
        Recovery recovery = new Recovery(dir);
        org.testfx.util.WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                () -> recovery.find().isPresent()); // the copy a crash would leave is kept while the text is unsaved
        robot.push(KeyCode.CONTROL, KeyCode.Q);
        answer(robot, "Don't save");
        OnFx.await(WAIT, "the quit", () -> exits.get() == 1);
        assertTrue(recovery.find().isEmpty(), "a normal quit forgets the copy");

        Workbench next = startAnother(robot, dir);
        try {
            OnFx.await(WAIT, "the next start to open a task", () -> !next.editor().model().textProperty().get()
                    .isEmpty());
            WaitForAsyncUtils.waitForFxEvents();
            assertNull(button(robot, "Recover"), "no crash report after a normal quit");
        } finally {
            robot.interact(next::close);
        }
    }

    @Test
    void aCrashLeavesTheUnsavedTextOfferedBackWithAHumanTime(FxRobot robot) throws Exception {
        robot.interact(() -> wb.editor().newTask());
        EditorSettles.settle(robot, wb);
        edit(robot, "# unsaved before the crash");
        Path kept = dir.resolve("recovery");
        org.testfx.util.WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                () -> new Recovery(dir).find().isPresent());
        // what a kill -9 leaves behind: the copy, with no close to forget it (another directory, this window lives on)
        Path crashed = Files.createTempDirectory(config, "crashed");
        Files.createDirectories(crashed.resolve("recovery"));
        try (var files = Files.list(kept)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("buffer.")).toList()) {
                Files.copy(f, crashed.resolve("recovery").resolve(f.getFileName()));
            }
        }
        Workbench next = startAnother(robot, crashed);
        try {
            OnFx.await(WAIT, "the crash report", () -> button(robot, "Recover") != null);
            String said = OnFx.call(() -> robot.lookup((Node n) -> n instanceof DialogPane p
                    && "Recover unsaved changes?".equals(p.getHeaderText())).queryAs(DialogPane.class).getContentText());
            assertTrue(said.matches("(?s)Orrery did not close normally\\..* at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"
                    + " UTC\\. Recover it\\?"), said);
            Button recover = button(robot, "Recover");
            robot.interact(recover::fire);
            OnFx.await(WAIT, "the text recovered", () -> next.editor().model().textProperty().get()
                    .startsWith("# unsaved before the crash\n"));
        } finally {
            robot.interact(next::close);
        }
    }

    private static Workbench startAnother(FxRobot robot, Path configDir) {
        AtomicReference<Workbench> made = new AtomicReference<>();
        robot.interact(() -> {
            Stage s = new Stage();
            Workbench w = new Workbench(s, configDir);
            w.exitWith(s::close);
            made.set(w);
        });
        javafx.application.Platform.runLater(() -> made.get().show(null));
        return made.get();
    }

    @Test
    void saveAsProposesTheTasksNameAndAddsYamlSoTheFileIsInMyTasks(FxRobot robot) throws Exception {
        Path sample = Path.of(System.getProperty("orrery.samples", "sample-tasks"), "11-32-cores-4-hours.yaml")
                .toAbsolutePath();
        AtomicReference<String> proposed = new AtomicReference<>();
        AtomicReference<Path> folder = new AtomicReference<>();
        wb.editor().useDialogs(new FileDialogs() {
            @Override
            public Optional<Path> open(Window owner) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> saveAs(Window owner, Path in, String name) {
                proposed.set(name);
                folder.set(in);
                return Optional.of(in.resolve("my-32-cores")); // typed without an extension
            }

            @Override
            public boolean replace(Window owner, Path existing) {
                return false;
            }
        });
        openAndSettle(robot, sample);
        assertTrue(editor().readOnlyProperty().get(), "a sample is read-only");
        robot.push(KeyCode.CONTROL, KeyCode.S); // a sample is saved as a copy
        Path saved = dir.resolve("tasks").resolve("my-32-cores.yaml");
        OnFx.await(WAIT, "the copy saved", () -> saved.equals(editor().fileProperty().get()));
        assertEquals("parallel-job.yaml", proposed.get(), "meta.name + .yaml");
        assertEquals(dir.resolve("tasks"), folder.get(), "in My tasks");
        assertEquals(Files.readString(sample), Files.readString(saved));
        assertFalse(Files.exists(dir.resolve("tasks").resolve("my-32-cores")));
        OnFx.await(WAIT, "my-32-cores.yaml listed in My tasks", () -> libraryCell(robot, "my-32-cores.yaml") != null);
        assertTrue(OnFx.call(() -> libraryCell(robot, "my-32-cores.yaml") instanceof TreeCell<?> c
                && c.getTreeItem().getParent().getValue().toString().startsWith("My tasks")));
        assertTrue(OnFx.call(() -> editor().formEditableProperty().get()), "the saved copy is editable");
    }

    @Test
    void duplicateOfASampleGivesAnEditableFormAtOnce(FxRobot robot) throws Exception {
        Path sample = Path.of(System.getProperty("orrery.samples", "sample-tasks"), "11-32-cores-4-hours.yaml")
                .toAbsolutePath();
        openAndSettle(robot, sample);
        assertTrue(robot.lookup("#field-coresMin").query().isDisabled(), "a sample's form is read-only");
        robot.push(KeyCode.CONTROL, KeyCode.D);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#field-coresMin").query().isDisabled(), "the copy's form is editable at once");
        assertNull(editor().fileProperty().get());
        robot.doubleClickOn(EditorSettles.reveal(robot, "#field-coresMin")).write("16").push(KeyCode.ENTER);
        EditorSettles.settle(robot, wb);
        assertTrue(editor().textProperty().get().contains("cores: {min: 16, max: 32}"), editor().textProperty().get());
    }

    // a double-click selects the field's word, which typing replaces: no empty field in between to remove the key

    @Test
    void aDurationTypedAs3hIsWrittenAsPT3HAndBadTextIsToldAtTheField(FxRobot robot) throws Exception {
        robot.interact(() -> editor().load(TEXT, null, false, false));
        EditorSettles.settle(robot, wb);
        robot.clickOn(EditorSettles.reveal(robot, "#field-duration")).write("3h").push(KeyCode.ENTER);
        EditorSettles.settle(robot, wb);
        assertTrue(editor().textProperty().get().endsWith("schedule:\n  requested:\n    duration: PT3H\n"),
                editor().textProperty().get());
        assertEquals("PT3H", robot.lookup("#field-duration").queryTextInputControl().getText());

        robot.doubleClickOn(EditorSettles.reveal(robot, "#field-duration")).write("3 hours-ish").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(editor().textProperty().get().endsWith("duration: PT3H\n"), "nothing unreadable is written");
        Node field = robot.lookup("#field-duration").query();
        javafx.scene.control.Label message = robot.lookup("#message-duration").queryAs(javafx.scene.control.Label.class);
        assertTrue(message.isVisible() && message.getText().contains("3h, 90m, 1d 2h"), message.getText());
        assertTrue(field.getPseudoClassStates().contains(atlantafx.base.theme.Styles.STATE_DANGER), "outlined");
    }

    @Test
    void settingCoresOnATaskWithoutAComputeKindGivesAValidTask(FxRobot robot) {
        robot.interact(() -> editor().load(Fixtures.DOCKER + "compute:\n  cores: {min: 2}\n", null, false, false));
        EditorSettles.settle(robot, wb);
        assertFalse(editor().sendableProperty().get(), "the kind is missing");
        robot.doubleClickOn(EditorSettles.reveal(robot, "#field-coresMax")).write("4").push(KeyCode.ENTER);
        EditorSettles.settle(robot, wb);
        assertTrue(editor().textProperty().get().contains("kind: \"" + io.orrery.model.Kind.SIMPLE_COMPUTE.uri()),
                editor().textProperty().get());
        assertEquals(List.of(), editor().problems().stream().filter(io.orrery.model.check.LocatedFinding::isError)
                .toList(), "the validator passes");
        assertTrue(editor().sendableProperty().get());
    }

    @Test
    void aMissingBraceIsReportedAtItsLineInPlainWords(FxRobot robot) {
        robot.interact(() -> editor().load("executable:\n  kind: x\n  meta: {name: job\n  image:\n"
                + "    locations: [a]\ncompute:\n  cores: 2\n", null, false, false));
        EditorSettles.settle(robot, wb);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<io.orrery.model.check.LocatedFinding> problems =
                robot.lookup("#problems").queryAs(javafx.scene.control.ListView.class);
        var first = problems.getItems().get(0);
        assertEquals(3, first.position().line(), first.message());
        assertTrue(first.message().startsWith("this '{' is never closed"), first.message());
    }
}
