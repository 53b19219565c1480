package io.orrery.workbench.monitor;

import io.orrery.workbench.feature.Pins;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The selected session's live log (stdout and stderr in two tabs, following the end unless the user scrolls up)
 * and below it what the session leaves, each with a Save button. Shows the view-model only while bound.
 */
public final class OutputsView {
    /** Where to save an output, as the user chooses it (the system's save dialog; a test gives its own path). */
    @FunctionalInterface
    public interface SaveChoice {
        Optional<Path> choose(String outputName);
    }

    private final OutputsViewModel model;
    private final VBox root = new VBox(4);
    private final TextArea out = log("stdoutLog");
    private final TextArea err = log("stderrLog");
    private final CheckBox follow = new CheckBox("Follow the end");
    private final Label note = new Label();
    private final Label problem = new Label();
    private final Label status = new Label();
    private final ListView<Watched.Output> files = new ListView<>();
    private SaveChoice choice = new SaveDialog();

    public OutputsView(OutputsViewModel model) {
        this.model = model;
        root.setId("outputsPane");
        follow.setId("followLog");
        follow.setSelected(true);
        note.setId("logNote");
        problem.setId("logProblem");
        problem.setStyle("-fx-text-fill: -color-danger-fg;");
        status.setId("outputsStatus");
        status.setWrapText(true);
        files.setId("outputFiles");
        files.setPlaceholder(new Label("Nothing to save yet"));
        files.setCellFactory(v -> new OutputCell());
        TabPane logs = new TabPane(new Tab("stdout", out), new Tab("stderr", err));
        logs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        logs.setId("logTabs");
        VBox.setVgrow(logs, Priority.ALWAYS);
        follow.selectedProperty().addListener((o, was, on) -> {
            if (on) {
                toEnd(out);
                toEnd(err);
            }
        });
        HBox bar = new HBox(8, follow, note);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox log = new VBox(4, logs, bar, problem);
        VBox saved = new VBox(4, new Label("Outputs"), files, status);
        VBox.setVgrow(files, Priority.ALWAYS);
        SplitPane split = new SplitPane(log, saved);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().add(split);
        root.setPadding(new Insets(6));
    }

    private TextArea log(String id) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setEditable(false);
        a.setWrapText(false);
        a.setStyle("-fx-font-family: monospace;");
        // scrolling up (wheel, keys, the scroll bar) stops following the end; the box brings it back
        a.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) {
                follow.setSelected(false);
            }
        });
        a.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (UP_KEYS.contains(e.getCode())) {
                follow.setSelected(false);
            }
        });
        a.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getTarget() instanceof Node n && onScrollBar(n)) {
                follow.setSelected(false);
            }
        });
        return a;
    }

    private static final java.util.Set<KeyCode> UP_KEYS = java.util.EnumSet.of(KeyCode.UP, KeyCode.PAGE_UP,
            KeyCode.HOME, KeyCode.KP_UP);

    private static boolean onScrollBar(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (at instanceof ScrollBar) {
                return true;
            }
        }
        return false;
    }

    private static void toEnd(TextArea a) {
        a.setScrollTop(Double.MAX_VALUE);
    }

    /** Shows the view-model's logs and outputs, and follows them, until released. */
    public void bind(Pins pins) {
        show(pins, model.stdout(), out);
        show(pins, model.stderr(), err);
        pins.show(files::setItems, model.files(), FXCollections.observableArrayList());
        pins.bind(note.textProperty(), model.noteProperty());
        pins.bind(problem.textProperty(), model.problemProperty());
        pins.bind(status.textProperty(), model.statusProperty());
    }

    private void show(Pins pins, LogTail tail, TextArea area) {
        area.setText(tail.text());
        tail.listen(new LogTail.Listener() {
            @Override
            public void appended(String piece) {
                area.appendText(piece);
                shown();
            }

            @Override
            public void replaced(String all) {
                area.setText(all);
                shown();
            }

            private void shown() {
                if (follow.isSelected()) {
                    toEnd(area);
                }
            }
        });
        pins.onRelease(() -> {
            tail.listen(null);
            area.clear();
        });
    }

    /** Chooses where outputs are saved with that (a test's path instead of the system's dialog). */
    public void saveWith(SaveChoice c) {
        this.choice = c;
    }

    private void save(String name) {
        choice.choose(name).ifPresent(p -> model.save(name, p));
    }

    public Node root() {
        return root;
    }

    /** One output: its name and size, and a Save button (its user data is the output's name). */
    private final class OutputCell extends ListCell<Watched.Output> {
        private final Label label = new Label();
        private final Button button = new Button("Save\u2026");
        private final HBox box = new HBox(8, label, new Region(), button);

        OutputCell() {
            button.getStyleClass().add("saveOutput");
            HBox.setHgrow(box.getChildren().get(1), Priority.ALWAYS);
            box.setAlignment(Pos.CENTER_LEFT);
            button.setOnAction(e -> {
                if (getItem() != null) {
                    save(getItem().name());
                }
            });
        }

        @Override
        protected void updateItem(Watched.Output o, boolean empty) {
            super.updateItem(o, empty);
            if (empty || o == null) {
                setGraphic(null);
                return;
            }
            label.setText(o.name() + "  \u00b7  " + OutputsViewModel.size(o.size()) + (o.growing() ? " so far" : ""));
            button.setUserData(o.name());
            setGraphic(box);
        }
    }

    /** The system's save dialog, opened in the folder used last, named after the output. */
    private final class SaveDialog implements SaveChoice {
        private File folder;

        @Override
        public Optional<Path> choose(String outputName) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save " + outputName);
            String last = outputName.substring(outputName.lastIndexOf('/') + 1);
            chooser.setInitialFileName(last.contains(".") ? last : last + ".txt");
            if (folder != null && folder.isDirectory()) {
                chooser.setInitialDirectory(folder);
            }
            File chosen = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (chosen == null) {
                return Optional.empty();
            }
            folder = chosen.getParentFile();
            return Optional.of(chosen.toPath());
        }
    }
}
