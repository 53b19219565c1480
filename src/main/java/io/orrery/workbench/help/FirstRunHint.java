package io.orrery.workbench.help;

import io.orrery.workbench.library.Settings;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A short hint for the first run, in a bar above the work area: where to start and where the keys are listed. It is
 * shown once (the settings remember it), dismissed with its button, and shown again from Help > Getting started.
 */
public final class FirstRunHint {
    private final Settings settings;
    private final List<Menu> menus;
    private final Consumer<Node> show;
    private final Runnable hide;

    /** {@code show} puts the bar above the work area, {@code hide} takes it away; the keys are read from the menus. */
    public FirstRunHint(Settings settings, List<Menu> menus, Consumer<Node> show, Runnable hide) {
        this.settings = settings;
        this.menus = menus;
        this.show = show;
        this.hide = hide;
    }

    /** Shows the hint if it has never been shown with these settings, and remembers that it has. */
    public void showOnFirstRun() {
        if (!settings.firstRunHintShown()) {
            show();
        }
    }

    /** Shows the hint (again). */
    public void show() {
        settings.firstRunHintShown(true);
        show.accept(bar());
    }

    /** What the hint says, with the keys as the menus define them. */
    public String text() {
        return "New here? Double-click a sample in the library on the left, press Ask ("
                + Shortcuts.keysOf(menus, "askItem") + ") to ask the checked brokers (the four built-in ones work"
                + " offline), compare their offers in the table and on the timeline, then Accept one and follow it"
                + " in the Monitor tab. Help > Keyboard shortcuts (" + Shortcuts.keysOf(menus, "shortcutsItem")
                + ") lists every key.";
    }

    private Node bar() {
        Label words = new Label(text());
        words.setWrapText(true);
        words.setId("firstRunHintText");
        HBox.setHgrow(words, Priority.ALWAYS);
        words.setMaxWidth(Double.MAX_VALUE);
        Button ok = new Button("Got it");
        ok.setId("firstRunHintDismiss");
        ok.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ok.setOnAction(e -> hide.run());
        HBox bar = new HBox(12, words, ok);
        bar.setId("firstRunHint");
        bar.getStyleClass().add("first-run-hint");
        bar.getStylesheets().add(FirstRunHint.class.getResource("help.css").toExternalForm());
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        return bar;
    }
}
