package io.orrery.workbench;

import io.orrery.workbench.library.Settings;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.layout.StackPane;

/**
 * Where the features' views go: the library over the brokers, the editor and the form side by side, and below them
 * the plan tabs (offers, monitor, what-if). The library, editor and form fold away (the button at the tabs' right,
 * or {@link #toggleEditor}) to give the tabs the whole window; on a window shorter than {@link #ROOMY} pixels they
 * fold by themselves when answers are asked for ({@link #roomForAnswers}), so the comparison can be read at
 * 1280x800, and come back when another task is opened. The dividers and the fold are remembered.
 */
final class WindowLayout {
    /** The features' views, in the places they take. */
    record Views(Node library, Node brokers, Node editor, Node form, Node offers, Node monitor, Node whatIf) {
    }

    private final SplitPane left;
    private final SplitPane split;
    private final SplitPane vertical;
    private final TabPane tabs = new TabPane();
    private final Tab monitorTab;
    private final StackPane plan;
    private final ToggleButton fold = new ToggleButton();
    private double unfoldedAt;
    /** A window at least this tall shows the editor and the comparison together without folding. */
    static final double ROOMY = 1000;

    WindowLayout(Views v, Settings settings) {
        left = new SplitPane(v.library(), v.brokers());
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(settings.number("divider.left", 0.55));
        split = new SplitPane(left, v.editor(), v.form());
        split.setDividerPositions(settings.number("divider.0", 0.2), settings.number("divider.1", 0.68));
        Tab offersTab = tab("Offers", v.offers());
        monitorTab = tab("Monitor", v.monitor());
        tabs.setId("planTabs");
        tabs.getTabs().setAll(offersTab, monitorTab, tab("What-if", v.whatIf()));
        fold.setId("foldEditorButton");
        fold.getStyleClass().add("small");
        fold.setFocusTraversable(false);
        fold.setOnAction(e -> fold(fold.isSelected()));
        plan = new StackPane(tabs, fold);
        StackPane.setAlignment(fold, Pos.TOP_RIGHT);
        StackPane.setMargin(fold, new Insets(3, 6, 0, 0));
        vertical = new SplitPane(split, plan);
        vertical.setOrientation(Orientation.VERTICAL);
        unfoldedAt = settings.number("divider.vertical", 0.45);
        vertical.setDividerPositions(unfoldedAt);
        fold.setSelected(settings.text("editor.folded", "false").equals("true"));
        fold(fold.isSelected());
    }

    /** Folds the library, editor and form away (the plan tabs take the window) or brings them back. */
    void toggleEditor() {
        fold.setSelected(!fold.isSelected());
        fold(fold.isSelected());
    }

    /** Answers are on their way: on a short window, the editor folds away to give them the room. */
    void roomForAnswers(double windowHeight) {
        if (windowHeight < ROOMY && !folded()) {
            toggleEditor();
        }
    }

    /** Another task was opened: the editor comes back if it had folded away. */
    void showEditor() {
        if (folded()) {
            toggleEditor();
        }
    }

    boolean folded() {
        return !vertical.getItems().contains(split);
    }

    private void fold(boolean away) {
        if (away && !folded()) {
            unfoldedAt = vertical.getDividerPositions()[0];
            vertical.getItems().remove(split);
        } else if (!away && folded()) {
            vertical.getItems().add(0, split);
            vertical.setDividerPositions(unfoldedAt);
        }
        fold.setText(away ? "\u25bc Show the editor" : "\u25b2 Hide the editor");
        fold.setTooltip(new Tooltip(away ? "Bring back the library, the editor and the form"
                : "Give the offers, the monitor and the what-if the whole window"));
    }

    private static Tab tab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setClosable(false);
        return t;
    }

    Node root() {
        return vertical;
    }

    TabPane tabs() {
        return tabs;
    }

    void showMonitor() {
        tabs.getSelectionModel().select(monitorTab);
    }

    /** Puts the dividers' positions in the settings. */
    void remember(Settings settings) {
        double[] d = split.getDividerPositions();
        for (int i = 0; i < d.length; i++) {
            settings.put("divider." + i, d[i]);
        }
        settings.put("divider.left", left.getDividerPositions()[0]);
        settings.put("divider.vertical", folded() ? unfoldedAt : vertical.getDividerPositions()[0]);
        settings.put("editor.folded", folded());
    }
}
