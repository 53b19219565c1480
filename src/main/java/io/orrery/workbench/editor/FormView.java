package io.orrery.workbench.editor;

import atlantafx.base.theme.Styles;
import io.orrery.workbench.feature.Pins;
import javafx.animation.PauseTransition;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The request as a form: the fields every request has, then a section per storage item, data item and volume
 * mount, each bound both ways to the view-model; rebuilt when the document's items change. A field at fault (text
 * that could not be written, or an error the checks place there) is outlined and says why under it. It shows the
 * view-model only while bound ({@link #bind}).
 */
public final class FormView {
    private final ScrollPane root;
    private final GridPane grid = new GridPane();
    private final Label note = new Label();
    private final EditorViewModel model;
    /** The current fields' ties to the view-model, let go at each rebuild and on release. */
    private final Pins fields = new Pins();

    public FormView(EditorViewModel model) {
        this.model = model;
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(8));
        note.setId("formNote");
        note.setWrapText(true);
        Label heading = new Label("Request");
        heading.getStyleClass().add("title-4");
        VBox box = new VBox(6, heading, note, grid);
        box.setPadding(new Insets(8));
        root = new ScrollPane(box);
        root.getStylesheets().add(EditorView.STYLE);
        root.setFitToWidth(true);
    }

    /** Builds the form from the view-model's fields and keeps both in step, until released (the form then empties). */
    public void bind(Pins pins) {
        pins.bind(note.textProperty(), model.formNoteProperty());
        pins.listen(model.fieldList(), (ListChangeListener<FormField>) c -> build());
        build();
        pins.onRelease(() -> {
            fields.releaseAll();
            grid.getChildren().clear();
        });
    }

    private void build() {
        fields.releaseAll();
        grid.getChildren().clear();
        int row = 0;
        String section = null;
        for (FormField f : model.fieldList()) {
            if (!f.section().equals(section)) {
                section = f.section();
                Label s = new Label(section);
                s.getStyleClass().add("text-bold");
                grid.add(s, 0, row++, 2, 1);
            }
            Control input = f.type() == FormField.Type.CHOICE ? choice(f) : text(f);
            input.setId("field-" + f.id());
            fields.bind(input.disableProperty(), model.formEditableProperty().not());
            Label label = new Label(f.label());
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label message = new Label();
            message.setId("message-" + f.id());
            message.getStyleClass().add("field-message");
            message.setWrapText(true);
            message.managedProperty().bind(message.visibleProperty());
            Runnable fault = () -> showFault(input, message, model.fieldErrors().get(f.id()),
                    model.typedWrong(f.id()));
            fields.listen((javafx.beans.Observable) model.fieldErrors(), o -> fault.run());
            fault.run();
            grid.addRow(row++, label, new VBox(2, input, message));
            if (f.id().equals("start")) {
                javafx.scene.control.Button pick = new javafx.scene.control.Button("Pick...");
                pick.setId("pickStart");
                pick.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                fields.bind(pick.disableProperty(), model.formEditableProperty().not());
                pick.setOnAction(e -> StartPicker.ask(root.getScene().getWindow(), model.field("start").get())
                        .ifPresent(model.field("start")::set));
                grid.add(pick, 2, row - 1);
            }
        }
    }

    /**
     * Outlines a field at fault (AtlantaFX's danger state) and says why on hover, and under it when the fault is what
     * was typed there (the task's own errors are listed under the editor); clears it after.
     */
    private static void showFault(Control input, Label message, String error, boolean typed) {
        boolean fault = error != null && !error.isBlank();
        input.pseudoClassStateChanged(Styles.STATE_DANGER, fault);
        message.setText(fault && typed ? error : "");
        message.setVisible(fault && typed);
        input.setTooltip(fault ? new Tooltip(error) : null);
    }

    private ComboBox<String> choice(FormField f) {
        ComboBox<String> box = new ComboBox<>();
        box.getItems().setAll(f.choices());
        StringProperty value = model.field(f.id());
        box.setValue(value.get());
        box.valueProperty().addListener((o, was, now) -> {
            if (now != null && !now.equals(value.get())) {
                value.set(now);
            }
        });
        fields.listen(value, (o, was, now) -> box.setValue(now));
        return box;
    }

    /**
     * Typing in a field reaches the text a moment after the typing stops (so that clearing a field to retype it
     * does not remove and re-add the key); the text's changes reach the field at once.
     */
    private TextField text(FormField f) {
        TextField field = new TextField();
        field.setPromptText(f.hint());
        field.setPrefColumnCount(22);
        StringProperty value = model.field(f.id());
        field.setText(value.get());
        PauseTransition pause = new PauseTransition(Duration.millis(300));
        pause.setOnFinished(e -> value.set(field.getText()));
        fields.onRelease(pause::stop);
        field.textProperty().addListener((o, was, now) -> {
            if (!now.equals(value.get())) {
                pause.playFromStart();
            }
        });
        field.setOnAction(e -> {
            pause.stop();
            value.set(field.getText());
        });
        fields.listen(value, (o, was, now) -> {
            if (!now.equals(field.getText())) {
                pause.stop();
                field.setText(now);
            }
        });
        return field;
    }

    public ScrollPane root() {
        return root;
    }
}
