package io.orrery.workbench.editor;

import io.orrery.model.check.LocatedFinding;
import io.orrery.workbench.feature.Pins;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.animation.PauseTransition;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.geometry.Orientation;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.event.MouseOverTextEvent;

/**
 * The YAML editor (RichTextFX: highlighting, line numbers, undo/redo) over the problems list. Text changes go to be
 * analysed a moment after typing stops; problem lines are marked and explained on hover; clicking a problem moves
 * the caret to it. It shows the view-model only while bound ({@link #bind}).
 */
public final class EditorView {
    /** The editor's and the form's colours, from the theme in use (light or dark). */
    static final String STYLE = EditorView.class.getResource("editor.css").toExternalForm();
    private final EditorViewModel model;
    private final CodeArea area = new CodeArea();
    private final ListView<LocatedFinding> problems = new ListView<>();
    private final SplitPane root;
    private final PauseTransition debounce = new PauseTransition(javafx.util.Duration.millis(250));
    private final Tooltip hover = new Tooltip();
    private final javafx.scene.control.TextField findField = new javafx.scene.control.TextField();
    private final javafx.scene.layout.HBox findBar = new javafx.scene.layout.HBox(findField);
    private boolean syncing;

    /** {@code analyse} gets the text a moment after typing stops, to have it read (off the JavaFX thread). */
    public EditorView(EditorViewModel model, Consumer<String> analyse) {
        this.model = model;
        area.setId("yamlEditor");
        area.getStyleClass().add("yaml-editor");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        area.textProperty().addListener((o, was, now) -> area.setStyleSpans(0, YamlHighlighter.compute(now)));
        debounce.setOnFinished(e -> analyse.accept(area.getText()));
        problems.setId("problems");
        problems.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(LocatedFinding f, boolean empty) {
                super.updateItem(f, empty);
                String full = empty || f == null ? null : "line " + f.position().line() + ", column "
                        + f.position().column() + ": " + f.severity().label() + ": " + f.message()
                        + (f.field() == null ? "" : " (" + f.field() + ")");
                setText(empty || f == null ? null : f.position().line() + ":" + f.position().column() + "  "
                        + f.severity().label() + ": " + f.message() + (f.field() == null ? "" : " (" + f.field() + ")"));
                getStyleClass().removeAll("problem-error", "problem-warning");
                if (!empty && f != null) {
                    getStyleClass().add(f.isError() ? "problem-error" : "problem-warning");
                }
                // the row may be cut at the list's width: the whole message on hover
                Tooltip tip = getTooltip();
                if (full == null) {
                    setTooltip(null);
                } else if (tip == null) {
                    tip = new Tooltip(full);
                    tip.setWrapText(true);
                    tip.setMaxWidth(640);
                    setTooltip(tip);
                } else {
                    tip.setText(full);
                }
            }
        });
        problems.setOnMouseClicked(e -> {
            LocatedFinding f = problems.getSelectionModel().getSelectedItem();
            if (f != null) {
                goTo(f);
            }
        });
        area.setMouseOverTextDelay(Duration.ofMillis(400));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, e -> explain(e.getCharacterIndex(), e.getScreenPosition()));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> hover.hide());
        BorderPane problemsPane = new BorderPane(problems);
        Label heading = new Label("Problems (errors first; hover a row for the whole message, click it to go there)");
        heading.getStyleClass().add("problems-heading");
        problemsPane.setTop(heading);
        findField.setId("findField");
        findField.setPromptText("find (Enter: next, Esc: close)");
        findField.setOnAction(e -> findNext(findField.getText()));
        findField.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                findBar.setVisible(false);
                findBar.setManaged(false);
                area.requestFocus();
            }
        });
        findBar.setVisible(false);
        findBar.setManaged(false);
        BorderPane editorPane = new BorderPane(new VirtualizedScrollPane<>(area));
        editorPane.setTop(findBar);
        root = new SplitPane(editorPane, problemsPane);
        root.getStylesheets().add(STYLE);
        root.setOrientation(Orientation.VERTICAL);
        root.setDividerPositions(0.78);
    }

    /**
     * Shows the view-model's text and problems and keeps text and view-model in step both ways (typing has the text
     * read again after a pause), until released.
     */
    public void bind(Pins pins) {
        pins.listen(area.textProperty(), (o, was, now) -> {
            if (!syncing) {
                syncing = true;
                model.textProperty().set(now);
                syncing = false;
            }
            debounce.playFromStart();
        });
        pins.listen(model.textProperty(), (o, was, now) -> showText(now));
        pins.bind(area.editableProperty(), model.readOnlyProperty().not());
        pins.show(problems::setItems, model.problems(), FXCollections.observableArrayList());
        pins.listen(model.problems(), (ListChangeListener<LocatedFinding>) c -> markLines());
        pins.onRelease(debounce::stop);
        showText(model.textProperty().get());
        markLines();
    }

    private void showText(String now) {
        if (!syncing && !now.equals(area.getText())) {
            syncing = true;
            int caret = Math.min(area.getCaretPosition(), now.length());
            area.replaceText(now);
            area.moveTo(caret);
            area.requestFollowCaret();
            syncing = false;
        }
    }

    public SplitPane root() {
        return root;
    }

    public CodeArea area() {
        return area;
    }

    /** Shows the find bar. */
    public void find() {
        findBar.setVisible(true);
        findBar.setManaged(true);
        findField.requestFocus();
        findField.selectAll();
    }

    /** Selects the next occurrence after the caret, wrapping round; says so when there is none. */
    public boolean findNext(String what) {
        if (what == null || what.isEmpty()) {
            return false;
        }
        String text = area.getText();
        int from = area.getSelection().getEnd();
        int at = text.indexOf(what, from);
        if (at < 0) {
            at = text.indexOf(what);
        }
        if (at < 0) {
            model.statusProperty().set("'" + what + "' is not in the text");
            return false;
        }
        area.selectRange(at, at + what.length());
        area.requestFollowCaret();
        return true;
    }

    /** Moves the caret to a finding and shows it. */
    public void goTo(LocatedFinding f) {
        int line = Math.max(0, Math.min(f.position().line() - 1, area.getParagraphs().size() - 1));
        int column = Math.max(0, Math.min(f.position().column() - 1, area.getParagraph(line).length()));
        area.moveTo(line, column);
        area.requestFollowCaret();
        area.requestFocus();
    }

    private void markLines() {
        for (int i = 0; i < area.getParagraphs().size(); i++) {
            area.setParagraphStyle(i, List.of());
        }
        // warnings first, so that an error on the same line marks it as an error
        for (boolean errors : new boolean[] {false, true}) {
            for (LocatedFinding f : model.problems()) {
                int line = f.position().line() - 1;
                if (f.isError() == errors && line >= 0 && line < area.getParagraphs().size()) {
                    area.setParagraphStyle(line, List.of(errors ? "line-error" : "line-warning"));
                }
            }
        }
    }

    private void explain(int index, Point2D at) {
        int line = area.offsetToPosition(index, org.fxmisc.richtext.model.TwoDimensional.Bias.Forward).getMajor() + 1;
        String text = model.problems().stream().filter(f -> f.position().line() == line)
                .map(f -> f.severity().label() + ": " + f.message()).collect(Collectors.joining("\n"));
        if (!text.isEmpty()) {
            hover.setText(text);
            hover.show(area, at.getX(), at.getY() + 12);
        }
    }
}
