package io.orrery.workbench.help;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;

/**
 * The window's keyboard shortcuts, read from its menus, where the accelerators are defined: the list cannot drift
 * from the keys that work.
 */
public final class Shortcuts {
    /** One shortcut: where it is in the menus ("File"), what it does ("Save as..."), and its keys. */
    public record Shortcut(String menu, String action, KeyCombination keys) {
        /** The keys as this system writes them ({@code Ctrl+Shift+S}), Enter spelt out. */
        public String keysText() {
            return words(keys);
        }
    }

    private Shortcuts() {}

    /** Every item with an accelerator in these menus and their submenus, in menu order. */
    public static List<Shortcut> of(List<Menu> menus) {
        List<Shortcut> out = new ArrayList<>();
        for (Menu m : menus) {
            collect(m.getText(), m.getItems(), out);
        }
        return out;
    }

    private static void collect(String where, List<MenuItem> items, List<Shortcut> out) {
        for (MenuItem i : items) {
            if (i instanceof Menu sub) {
                collect(where + " > " + sub.getText(), sub.getItems(), out);
            } else if (i.getAccelerator() != null) {
                out.add(new Shortcut(where, i.getText(), i.getAccelerator()));
            }
        }
    }

    private static String words(KeyCombination keys) {
        return keys.getDisplayText().replace("\u21b5", "Enter");
    }

    /** The keys of the menu item with this id, as this system writes them, or empty when it has none. */
    public static String keysOf(List<Menu> menus, String id) {
        for (Menu m : menus) {
            for (MenuItem i : m.getItems()) {
                if (id.equals(i.getId()) && i.getAccelerator() != null) {
                    return words(i.getAccelerator());
                }
            }
        }
        return "";
    }
}
