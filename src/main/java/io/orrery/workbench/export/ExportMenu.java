package io.orrery.workbench.export;

import io.orrery.client.export.ExportFormat;
import io.orrery.workbench.feature.Snapshotable;
import io.orrery.workbench.samp.SampController;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * The Export menu: the comparison as CSV, JSON or VOTable; each view that can be pictured as PNG; and SAMP: send
 * the comparison to TOPCAT or Aladin, and take datasets from them. What there is nothing for yet is disabled.
 */
public final class ExportMenu {
    private ExportMenu() {}

    public static Menu create(ExportController export, SampController samp) {
        Menu menu = new Menu("Export");
        menu.setId("exportMenu");
        List<MenuItem> tables = new ArrayList<>();
        for (ExportFormat f : ExportFormat.values()) {
            MenuItem i = item("Export comparison as " + f.label() + "...",
                    "export" + f.name().charAt(0) + f.name().substring(1).toLowerCase(Locale.ROOT) + "Item");
            i.setOnAction(e -> export.exportAs(f));
            tables.add(i);
        }
        MenuItem send = item("Send comparison to TOPCAT / Aladin (SAMP)", "sampSendItem");
        send.setOnAction(e -> samp.send());
        CheckMenuItem listen = new CheckMenuItem("Take datasets from TOPCAT / Aladin (SAMP)");
        listen.setId("sampListenItem");
        listen.setOnAction(e -> samp.listen(listen.isSelected()));
        menu.setOnShowing(e -> {
            boolean none = !export.hasComparison();
            tables.forEach(i -> i.setDisable(none));
            send.setDisable(none);
            listen.setSelected(samp.connectedProperty().get());
            List<MenuItem> all = new ArrayList<>(tables);
            all.add(new SeparatorMenuItem());
            for (Snapshotable p : export.pictures()) {
                MenuItem save = item("Save " + p.name() + " as PNG...", "save-" + p.name().replace(' ', '-') + "-png");
                save.setOnAction(x -> export.savePicture(p));
                all.add(save);
            }
            all.add(new SeparatorMenuItem());
            all.add(send);
            all.add(listen);
            menu.getItems().setAll(all);
        });
        // the items exist before the first showing too (keyboard navigation, tests)
        menu.getOnShowing().handle(null);
        return menu;
    }

    private static MenuItem item(String text, String id) {
        MenuItem i = new MenuItem(text);
        i.setId(id);
        return i;
    }
}
