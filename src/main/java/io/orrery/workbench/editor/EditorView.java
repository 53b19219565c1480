package io.orrery.workbench.editor;

import io.orrery.model.check.LocatedFinding;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
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
 * The YAML editor (RichTextFX: highlighting, line numbers, undo/redo) over the problems list. Text changes are
 * analysed a moment after typing stops, off the JavaFX thread; problem lines are marked and explained on hover;
 * clicking a problem moves the caret to it.
 */
public final class EditorView {
    private final EditorViewModel model;
    private final CodeArea area = new CodeArea();
    private final ListView<LocatedFinding> problems = new ListView<>();
    private final SplitPane root;
    private final PauseTransition debounce = new PauseTransition(javafx.util.Duration.millis(250));
    private final ExecutorService background;
    private final Tooltip hover = new Tooltip();
    private final javafx.scene.control.TextField findField = new javafx.scene.control.TextField();
    private final javafx.scene.layout.HBox findBar = new javafx.scene.layout.HBox(findField);
    private boolean syncing;

    public EditorView(EditorViewModel model, ExecutorService background, Runnable busyStart, Runnable busyEnd) {
        this.model = model;
        this.background = background;
        area.setId("yamlEditor");
        area.getStyleClass().add("yaml-editor");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        area.textProperty().addListener((o, was, now) -> {
            area.setStyleSpans(0, YamlHighlighter.compute(now));
            if (!syncing) {
                syncing = true;
                model.textProperty().set(now);
                syncing = false;
            }
            debounce.playFromStart();
        });
        model.textProperty().addListener((o, was, now) -> {
            if (!syncing && !now.equals(area.getText())) {
                syncing = true;
                int caret = Math.min(area.getCaretPosition(), now.length());
                area.replaceText(now);
                area.moveTo(caret);
                area.requestFollowCaret();
                syncing = false;
            }
        });
        area.editableProperty().bind(model.readOnlyProperty().not());
        debounce.setOnFinished(e -> analyse(busyStart, busyEnd));
        problems.setId("problems");
        problems.setItems(model.problems());
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
        model.problems().addListener((javafx.collections.ListChangeListener<LocatedFinding>) c -> markLines());
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

    private void analyse(Runnable busyStart, Runnable busyEnd) {
        if (background.isShutdown()) {
            return; // the window is closing: nothing will show the result
        }
        String text = area.getText();
        busyStart.run();
        try {
            // execute, not submit: an unexpected exception reaches the fallback handler (logged, and the user told)
            background.execute(() -> {
                Analysis a;
                try {
                    a = Analysis.of(text);
                } catch (RuntimeException | Error e) {
                    Platform.runLater(busyEnd);
                    throw e;
                }
                Platform.runLater(() -> {
                    try {
                        model.apply(a);
                    } finally {
                        busyEnd.run();
                    }
                });
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            busyEnd.run(); // the window is closing: nothing will show the result
        }
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
