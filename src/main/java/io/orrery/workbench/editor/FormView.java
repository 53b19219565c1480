package io.orrery.workbench.editor;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The request as a form: one field per {@link FormField}, bound both ways to the view-model. */
public final class FormView {
    private final ScrollPane root;

    public FormView(EditorViewModel model) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(8));
        int row = 0;
        for (FormField f : FormField.ALL) {
            Label label = new Label(f.label());
            TextField field = new TextField();
            field.setId("field-" + f.id());
            field.setPromptText(f.hint());
            field.setPrefColumnCount(22);
            link(field, model.field(f.id()));
            field.disableProperty().bind(model.formEditableProperty().not());
            grid.addRow(row++, label, field);
        }
        Label note = new Label();
        note.setId("formNote");
        note.setWrapText(true);
        note.textProperty().bind(model.formNoteProperty());
        Label heading = new Label("Request");
        heading.getStyleClass().add("title-4");
        VBox box = new VBox(6, heading, note, grid);
        box.setPadding(new Insets(8));
        root = new ScrollPane(box);
        root.setFitToWidth(true);
    }

    /**
     * Typing in a field reaches the text a moment after the typing stops (so that clearing a field to retype it
     * does not remove and re-add the key); the text's changes reach the field at once.
     */
    private static void link(TextField field, javafx.beans.property.StringProperty value) {
        field.setText(value.get());
        PauseTransition pause = new PauseTransition(Duration.millis(300));
        pause.setOnFinished(e -> value.set(field.getText()));
        field.textProperty().addListener((o, was, now) -> {
            if (!now.equals(value.get())) {
                pause.playFromStart();
            }
        });
        field.setOnAction(e -> {
            pause.stop();
            value.set(field.getText());
        });
        value.addListener((o, was, now) -> {
            if (!now.equals(field.getText())) {
                pause.stop();
                field.setText(now);
            }
        });
    }

    public ScrollPane root() {
        return root;
    }
}
