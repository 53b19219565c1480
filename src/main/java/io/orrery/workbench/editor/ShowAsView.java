package io.orrery.workbench.editor;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The "Show as" dialog: pick a form, read or copy the text. */
public final class ShowAsView {
    private ShowAsView() {}

    /** Shows the task; the commands send it to brokers (the ones checked in the Brokers panel). */
    public static void show(Window owner, String text, Path file, List<ShowAs.Target> brokers) {
        ChoiceBox<String> choice = new ChoiceBox<>();
        choice.getItems().setAll(ShowAs.choices());
        choice.setValue(choice.getItems().get(0));
        TextArea out = new TextArea();
        out.setId("showAsText");
        out.setEditable(false);
        out.setPrefSize(760, 520);
        out.getStyleClass().add("yaml-editor");
        choice.valueProperty().addListener((o, was, now) -> out.setText(ShowAs.render(text, now, file, brokers)));
        out.setText(ShowAs.render(text, choice.getValue(), file, brokers));
        Button copy = new Button("Copy");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(out.getText());
            Clipboard.getSystemClipboard().setContent(c);
        });
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Show as");
        d.getDialogPane().setContent(new VBox(8, new HBox(8, choice, copy), out));
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.show();
    }
}
