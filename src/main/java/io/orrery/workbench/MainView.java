package io.orrery.workbench;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The main window's nodes: a menu bar, the work area and a status bar. */
public final class MainView {
    private final BorderPane root = new BorderPane();

    public MainView(MainViewModel model, Runnable quit) {
        MenuItem quitItem = new MenuItem("Quit");
        quitItem.setId("quitItem");
        quitItem.setOnAction(e -> quit.run());
        MenuBar menus = new MenuBar(new Menu("File", null, quitItem));
        root.setTop(menus);

        Label heading = new Label("Orrery");
        heading.getStyleClass().add("title-1");
        Label hint = new Label("Plan compute runs across ExecutionBroker services. The task editor and the broker"
                + " views arrive here; meanwhile every action is available as 'orrery <command>'.");
        hint.setWrapText(true);
        hint.setMaxWidth(520);
        VBox welcome = new VBox(12, heading, hint);
        welcome.setAlignment(Pos.CENTER);
        welcome.setId("welcome");
        root.setCenter(welcome);

        Label status = new Label();
        status.setId("statusLabel");
        status.textProperty().bind(model.statusProperty());
        HBox bar = new HBox(status);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getStyleClass().add("status-bar");
        root.setBottom(bar);
    }

    public BorderPane root() {
        return root;
    }
}
