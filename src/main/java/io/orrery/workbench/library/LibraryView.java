package io.orrery.workbench.library;

import java.util.function.Consumer;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/** The task library: the samples (read-only) and the user's tasks; a double-click or Enter opens one. */
public final class LibraryView {
    private final TreeView<Object> tree = new TreeView<>();
    private final TaskLibrary library;

    public LibraryView(TaskLibrary library, Consumer<TaskLibrary.Entry> open) {
        this.library = library;
        tree.setId("library");
        tree.setShowRoot(false);
        tree.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                selected().ifPresent(open);
            }
        });
        tree.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                selected().ifPresent(open);
            }
        });
        refresh();
    }

    private java.util.Optional<TaskLibrary.Entry> selected() {
        TreeItem<Object> item = tree.getSelectionModel().getSelectedItem();
        return item != null && item.getValue() instanceof TaskLibrary.Entry e ? java.util.Optional.of(e)
                : java.util.Optional.empty();
    }

    /** Re-reads both folders (call after a save). */
    public void refresh() {
        TreeItem<Object> root = new TreeItem<>("tasks");
        TreeItem<Object> mine = new TreeItem<>("My tasks (" + library.mine() + ")");
        library.own().forEach(e -> mine.getChildren().add(new TreeItem<>(e)));
        TreeItem<Object> samples = new TreeItem<>("Samples (read-only: save as to copy)");
        library.samples().forEach(e -> samples.getChildren().add(new TreeItem<>(e)));
        mine.setExpanded(true);
        samples.setExpanded(true);
        root.getChildren().setAll(java.util.List.of(mine, samples));
        tree.setRoot(root);
    }

    public TreeView<Object> root() {
        return tree;
    }
}
