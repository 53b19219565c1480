package io.orrery.workbench.help;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The Help menu: the keyboard shortcuts (a dialog listing what the menus define, read when it opens), the
 * first-run hint again, and About.
 */
public final class HelpMenu {
    private HelpMenu() {}

    /** Adds the Help menu to the bar; {@code hint} shows the first-run hint again. */
    public static Menu install(MenuBar bar, Runnable hint) {
        MenuItem keys = new MenuItem("Keyboard shortcuts");
        keys.setId("shortcutsItem");
        keys.setAccelerator(KeyCombination.keyCombination("F1"));
        keys.setOnAction(e -> shortcuts(bar).show());
        MenuItem start = new MenuItem("Getting started");
        start.setId("gettingStartedItem");
        start.setOnAction(e -> hint.run());
        MenuItem about = new MenuItem("About Orrery");
        about.setId("aboutItem");
        about.setOnAction(e -> about(window(bar)).show());
        Menu help = new Menu("Help", null, keys, start, about);
        help.setId("helpMenu");
        bar.getMenus().add(help);
        return help;
    }

    private static Window window(MenuBar bar) {
        return bar.getScene() == null ? null : bar.getScene().getWindow();
    }

    /** The shortcuts dialog: menu, action and keys of every accelerator in the bar's menus. */
    static Dialog<ButtonType> shortcuts(MenuBar bar) {
        TableView<Shortcuts.Shortcut> table = new TableView<>();
        table.setId("shortcutsTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Menu", Shortcuts.Shortcut::menu));
        table.getColumns().add(column("Action", s -> s.action().replace("...", "")));
        table.getColumns().add(column("Keys", Shortcuts.Shortcut::keysText));
        List<Shortcuts.Shortcut> all = Shortcuts.of(bar.getMenus());
        table.getItems().setAll(all);
        table.setPrefSize(520, Math.min(560, 34 + 30 * all.size()));
        Label more = new Label("In the timeline: +/- or Ctrl+wheel zoom, the arrows or dragging pan, Home fits"
                + " everything. In the find bar: Enter finds the next, Esc closes it.");
        more.setWrapText(true);
        more.setMaxWidth(520);
        VBox box = new VBox(8, table, more);
        box.setPadding(new Insets(4));
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Keyboard shortcuts");
        d.setHeaderText("Keyboard shortcuts");
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.getDialogPane().setId("shortcutsDialog");
        Window w = window(bar);
        if (w != null) {
            d.initOwner(w);
        }
        return d;
    }

    private static TableColumn<Shortcuts.Shortcut, String> column(String title,
                                                                  java.util.function.Function<Shortcuts.Shortcut, String> value) {
        TableColumn<Shortcuts.Shortcut, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setSortable(false);
        return c;
    }

    static Alert about(Window owner) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, io.orrery.model.Version.text() + "\n\nA desktop workbench"
                + " for planning compute runs across federated science platforms, speaking the IVOA ExecutionBroker"
                + " protocol: describe a task, ask several brokers at once, compare their offers, accept one and"
                + " follow its session.\n\nEverything the window does has a command-line twin: ./orrery --help.",
                ButtonType.CLOSE);
        a.setTitle("About Orrery");
        a.setHeaderText("Orrery");
        a.getDialogPane().setId("aboutDialog");
        if (owner != null) {
            a.initOwner(owner);
        }
        return a;
    }
}
