package io.orrery.workbench.editor;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The question "save the changes?" as a dialog that blocks nothing: Save, Don't save, Cancel (Esc cancels). */
final class SavePrompt implements UnsavedGuard.Prompt {
    static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    static final ButtonType DISCARD = new ButtonType("Don't save", ButtonBar.ButtonData.NO);

    private final Supplier<Window> owner;
    private final Supplier<Path> file;

    SavePrompt(Supplier<Window> owner, Supplier<Path> file) {
        this.owner = owner;
        this.file = file;
    }

    @Override
    public void ask(String doing, Consumer<UnsavedGuard.Choice> answer) {
        Path f = file.get();
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "The changes are lost unless you save them before " + doing
                + ".", SAVE, DISCARD, ButtonType.CANCEL);
        a.setTitle("Unsaved changes");
        a.setHeaderText("Save the changes to " + (f == null ? "the new task" : f.getFileName()) + "?");
        a.getDialogPane().setId("savePrompt");
        Window w = owner.get();
        if (w != null) {
            a.initOwner(w);
        }
        a.setOnHidden(e -> answer.accept(a.getResult() == SAVE ? UnsavedGuard.Choice.SAVE
                : a.getResult() == DISCARD ? UnsavedGuard.Choice.DISCARD : UnsavedGuard.Choice.CANCEL));
        a.show();
    }
}
