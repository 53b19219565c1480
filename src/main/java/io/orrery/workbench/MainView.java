package io.orrery.workbench;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The main window's frame: menus with keyboard shortcuts, the work area, and a status bar with a busy indicator. */
public final class MainView {
    private final BorderPane root = new BorderPane();
    private final MenuBar menus;
    private final HBox statusBar;

    /** What the menus do. */
    public record Actions(Runnable newTask, Runnable open, Runnable save, Runnable saveAs, Runnable toggleTheme,
                          Runnable quit, Runnable showAs, Runnable find, Menu recent, Runnable duplicate,
                          Runnable ask, Runnable accept) {
    }

    public MainView(MainViewModel model, Actions actions, Node center) {
        Menu file = new Menu("File", null,
                item("New", "Shortcut+N", actions.newTask(), "newItem"),
                item("Open...", "Shortcut+O", actions.open(), "openItem"),
                item("Save", "Shortcut+S", actions.save(), "saveItem"),
                actions.recent(),
                item("Duplicate", "Shortcut+D", actions.duplicate(), "duplicateItem"),
                item("Save as...", "Shortcut+Shift+S", actions.saveAs(), "saveAsItem"),
                item("Quit", "Shortcut+Q", actions.quit(), "quitItem"));
        Menu task = new Menu("Task", null, item("Find...", "Shortcut+F", actions.find(), "findItem"),
                item("Show as...", "Shortcut+E", actions.showAs(), "showAsItem"),
                item("Ask the checked brokers", "Shortcut+Enter", actions.ask(), "askItem"),
                item("Accept the selected offer", "Shortcut+Shift+A", actions.accept(), "acceptItem"));
        Menu view = new Menu("View", null, item("Light / dark theme", "Shortcut+T", actions.toggleTheme(), "themeItem"));
        menus = new MenuBar(file, task, view);
        root.setTop(menus);
        root.setCenter(center);
        Label status = new Label();
        status.setId("statusLabel");
        status.textProperty().bind(model.statusProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("busy");
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(model.busyProperty().greaterThan(0));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, status, gap, busy);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        root.setBottom(bar);
        statusBar = bar;
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.SOMETIMES);
    }

    /** Adds a feature's menu to the bar, before Help if there is one. */
    public void addMenu(Menu menu) {
        var bar = menus.getMenus();
        int help = bar.stream().map(Menu::getText).toList().indexOf("Help");
        bar.add(help < 0 ? bar.size() : help, menu);
    }

    private static MenuItem item(String text, String keys, Runnable action, String id) {
        MenuItem i = new MenuItem(text);
        i.setId(id);
        i.setAccelerator(KeyCombination.keyCombination(keys));
        i.setOnAction(e -> action.run());
        return i;
    }

    /** Puts a feature's control in the status bar, on the right before the busy indicator (the simulated clock). */
    public void addToStatusBar(Node control) {
        statusBar.getChildren().add(statusBar.getChildren().size() - 1, control);
    }

    public BorderPane root() {
        return root;
    }

    /** The menu bar (the Help menu is added to it, and reads the shortcuts from it). */
    public MenuBar menuBar() {
        return menus;
    }

    /** Shows a bar (a hint) under the menus, above the work area; null takes it away. */
    public void banner(Node bar) {
        root.setTop(bar == null ? menus : new javafx.scene.layout.VBox(menus, bar));
    }
}
