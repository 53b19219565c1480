package io.orrery.workbench.library;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/** The task library: the samples (read-only) and the user's tasks; a double-click or Enter opens one. */
public final class LibraryView {
    private final TreeView<Object> tree = new TreeView<>();
    private final String mine;

    public LibraryView(String mine, Consumer<TaskLibrary.Entry> open) {
        this.mine = mine;
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
        show(List.of(), List.of());
    }

    private Optional<TaskLibrary.Entry> selected() {
        TreeItem<Object> item = tree.getSelectionModel().getSelectedItem();
        return item != null && item.getValue() instanceof TaskLibrary.Entry e ? Optional.of(e) : Optional.empty();
    }

    /** Shows these tasks: the user's own and the samples. */
    public void show(List<TaskLibrary.Entry> own, List<TaskLibrary.Entry> samples) {
        TreeItem<Object> root = new TreeItem<>("tasks");
        TreeItem<Object> mineItem = new TreeItem<>("My tasks (" + mine + ")");
        own.forEach(e -> mineItem.getChildren().add(new TreeItem<>(e)));
        TreeItem<Object> samplesItem = new TreeItem<>("Samples (read-only: save as to copy)");
        samples.forEach(e -> samplesItem.getChildren().add(new TreeItem<>(e)));
        mineItem.setExpanded(true);
        samplesItem.setExpanded(true);
        root.getChildren().setAll(List.of(mineItem, samplesItem));
        tree.setRoot(root);
    }

    public TreeView<Object> root() {
        return tree;
    }
}
