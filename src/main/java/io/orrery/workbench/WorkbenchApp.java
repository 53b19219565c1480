package io.orrery.workbench;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The workbench window. */
public final class WorkbenchApp extends Application {

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        MainViewModel model = new MainViewModel();
        MainView view = new MainView(model, Platform::exit);
        Scene scene = new Scene(view.root(), 1100, 720);
        scene.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
        stage.titleProperty().bind(model.titleProperty());
        stage.setScene(scene);
        stage.show();
    }
}
