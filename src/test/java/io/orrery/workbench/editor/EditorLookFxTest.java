package io.orrery.workbench.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.Styles;
import io.orrery.Fixtures;
import io.orrery.model.check.LocatedFinding;
import io.orrery.workbench.EditorSettles;
import io.orrery.workbench.OnFx;
import io.orrery.workbench.Workbench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** How the editor looks: dark with the dark theme, whole messages on hover, the field at fault outlined, ISO dates. */
@ExtendWith(ApplicationExtension.class)
class EditorLookFxTest {
    private static final String TEXT = Fixtures.DOCKER + """
            compute:
              kind: %scompute/simple-compute-resource.yaml
              cores: {min: 9, max: 8}
            """.formatted(Fixtures.K);

    @TempDir
    static Path config;

    private Workbench wb;

    @Start
    void start(Stage stage) throws Exception {
        wb = new Workbench(stage, Files.createTempDirectory(config, "run"));
        stage.show();
    }

    @AfterEach
    void closeIt(FxRobot robot) {
        robot.interact(wb::close);
    }

    private void load(FxRobot robot, String text) {
        robot.interact(() -> wb.editor().model().load(text, null, false, false));
        EditorSettles.settle(robot, wb);
    }

    private static double luminance(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }

    /** The mean luminance of the area as drawn. */
    private static double drawn(CodeArea area) throws Exception {
        return OnFx.call(() -> {
            WritableImage shot = area.snapshot(null, null);
            PixelReader r = shot.getPixelReader();
            double sum = 0;
            int n = 0;
            for (int y = 0; y < shot.getHeight(); y += 3) {
                for (int x = 0; x < shot.getWidth(); x += 3) {
                    sum += luminance(r.getColor(x, y));
                    n++;
                }
            }
            return sum / n;
        });
    }

    /** The colour of the editor's plain text (a key's text, say, is coloured by the highlighting). */
    private static double textLuminance(CodeArea area, String style) throws Exception {
        return OnFx.call(() -> area.lookupAll(".text").stream().filter(n -> n instanceof Text t
                && t.getStyleClass().contains(style) && !t.getText().isBlank()).findFirst()
                .map(n -> luminance((Color) ((Text) n).getFill())).orElseThrow());
    }

    @Test
    void theDarkThemeMakesTheEditorDarkAndItsTextLight(FxRobot robot) throws Exception {
        load(robot, TEXT);
        CodeArea area = robot.lookup("#yamlEditor").queryAs(CodeArea.class);
        assertTrue(drawn(area) > 0.8, "light: a light editor, " + drawn(area));
        robot.push(KeyCode.CONTROL, KeyCode.T);
        try {
            WaitForAsyncUtils.waitForFxEvents();
            double dark = drawn(area);
            assertTrue(dark < 0.3, "dark: a dark editor, " + dark);
            assertTrue(textLuminance(area, "yaml-key") > 0.45, "keys readable on it");
            assertTrue(textLuminance(area, "yaml-number") > 0.45, "numbers readable on it");
            double lineNumber = OnFx.call(() -> area.lookupAll(".lineno").stream().findFirst()
                    .map(n -> luminance((Color) ((javafx.scene.control.Label) n).getTextFill())).orElseThrow());
            assertTrue(lineNumber > 0.35, "line numbers readable: " + lineNumber);
        } finally {
            robot.push(KeyCode.CONTROL, KeyCode.T); // the theme is the application's: back to light for the others
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(drawn(area) > 0.8, "light again");
    }

    @Test
    void eachProblemShowsItsWholeMessageOnHover(FxRobot robot) throws Exception {
        load(robot, TEXT);
        @SuppressWarnings("unchecked")
        ListView<LocatedFinding> problems = robot.lookup("#problems").queryAs(ListView.class);
        LocatedFinding first = problems.getItems().get(0);
        ListCell<?> cell = robot.from(problems).lookup((Node n) -> n instanceof ListCell<?> c && c.getItem() == first)
                .queryAs(ListCell.class);
        String tip = OnFx.call(() -> cell.getTooltip().getText());
        assertTrue(tip.contains(first.message()) && tip.startsWith("line 9, column 3: error"), tip);
    }

    @Test
    void theFieldAtFaultIsOutlinedUntilTheFaultIsFixed(FxRobot robot) throws Exception {
        load(robot, TEXT);
        Node min = robot.lookup("#field-coresMin").query();
        Node memory = robot.lookup("#field-memoryMin").query();
        assertTrue(OnFx.call(() -> min.getPseudoClassStates().contains(Styles.STATE_DANGER)));
        assertTrue(OnFx.call(() -> min instanceof javafx.scene.control.Control c && c.getTooltip() != null
                && c.getTooltip().getText().contains("more than the maximum")));
        assertFalse(OnFx.call(() -> memory.getPseudoClassStates().contains(Styles.STATE_DANGER)));
        load(robot, TEXT.replace("min: 9", "min: 2"));
        assertFalse(OnFx.call(() -> robot.lookup("#field-coresMin").query().getPseudoClassStates()
                .contains(Styles.STATE_DANGER)));
    }

    @Test
    void theStartPickerShowsIsoDatesWhateverTheLocale() throws Exception {
        Locale was = Locale.getDefault();
        Locale.setDefault(Locale.US);
        try {
            DatePicker picker = OnFx.call(() -> {
                DatePicker p = new DatePicker(LocalDate.of(2027, 3, 1));
                StartPicker.isoDates(p);
                return p;
            });
            assertEquals("2027-03-01", OnFx.call(() -> picker.getConverter().toString(picker.getValue())),
                    "what the picker shows: not 3/1/2027");
            assertEquals(LocalDate.of(2027, 4, 2), OnFx.call(() -> picker.getConverter().fromString("2027-04-02")));
            assertEquals(LocalDate.of(2027, 3, 1), OnFx.call(() -> picker.getConverter().fromString("4/2/2027")),
                    "a date in another order is not guessed at");
            assertEquals("2027-03-01T09:00:00Z/PT3H", StartPicker.compose(LocalDate.of(2027, 3, 1), "09:00", "3h")
                    .orElseThrow());
        } finally {
            Locale.setDefault(was);
        }
    }
}
