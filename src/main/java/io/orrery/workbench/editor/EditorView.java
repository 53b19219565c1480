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
                setText(empty || f == null ? null : f.position().line() + ":" + f.position().column() + "  "
                        + f.severity().label() + ": " + f.message() + (f.field() == null ? "" : " (" + f.field() + ")"));
                getStyleClass().removeAll("problem-error", "problem-warning");
                if (!empty && f != null) {
                    getStyleClass().add(f.isError() ? "problem-error" : "problem-warning");
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
        problemsPane.setTop(new Label("Problems"));
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
        for (LocatedFinding f : model.problems()) {
            int line = f.position().line() - 1;
            if (line >= 0 && line < area.getParagraphs().size()) {
                area.setParagraphStyle(line, List.of(f.isError() ? "line-error" : "line-warning"));
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
