package io.orrery.workbench.editor;

import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Where the editor asks which file: the system's file choosers in the window; another answerer where none can be
 * shown (a headless test types the name instead).
 */
public interface FileDialogs {
    /** The task file to open, or empty when cancelled. */
    Optional<Path> open(Window owner);

    /** Where to save, starting in {@code folder} with {@code proposed} as the name; empty when cancelled. */
    Optional<Path> saveAs(Window owner, Path folder, String proposed);

    /** Whether to replace a file that exists (asked when the name was completed with .yaml after the choice). */
    boolean replace(Window owner, Path existing);

    /** The system's file choosers. */
    FileDialogs SYSTEM = new FileDialogs() {
        @Override
        public Optional<Path> open(Window owner) {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Tasks", "*.yaml", "*.yml", "*.json"));
            return Optional.ofNullable(fc.showOpenDialog(owner)).map(java.io.File::toPath);
        }

        @Override
        public Optional<Path> saveAs(Window owner, Path folder, String proposed) {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Tasks (YAML)", "*.yaml", "*.yml"));
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Tasks (JSON)", "*.json"));
            fc.setInitialDirectory(folder.toFile());
            fc.setInitialFileName(proposed);
            return Optional.ofNullable(fc.showSaveDialog(owner)).map(java.io.File::toPath);
        }

        @Override
        public boolean replace(Window owner, Path existing) {
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, existing + " exists already. Replace it?", ButtonType.YES,
                    ButtonType.NO);
            a.setHeaderText("Replace " + existing.getFileName() + "?");
            a.initOwner(owner);
            return a.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
        }
    };
}
