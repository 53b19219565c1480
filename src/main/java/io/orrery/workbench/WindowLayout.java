package io.orrery.workbench;

import io.orrery.workbench.library.Settings;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * Where the features' views go: the library over the brokers, the editor and the form side by side, and below them
 * the plan tabs (offers, monitor, what-if). The dividers start where they were left and are remembered.
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
        vertical = new SplitPane(split, tabs);
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.setDividerPositions(settings.number("divider.vertical", 0.45));
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
        settings.put("divider.vertical", vertical.getDividerPositions()[0]);
    }
}
