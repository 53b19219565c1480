package io.orrery.workbench.clock;

import io.orrery.workbench.feature.Pins;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The status bar's clock control: the built-in brokers' clock ("simulated +3 h 20 min") with Reset, and the zone
 * times are shown in.
 */
public final class OfflineClockView {
    private final HBox root;
    private final OfflineClockModel model;
    private final Label label = new Label();
    private final Button reset = new Button("Reset");
    private final ComboBox<String> zone = new ComboBox<>();

    public OfflineClockView(OfflineClockModel model, Runnable onReset, Consumer<String> onZone) {
        this.model = model;
        label.setId("simulatedClock");
        label.getStyleClass().add("simulated-clock");
        label.setTooltip(new Tooltip("The clock the built-in brokers run on: Skip and Run to end in the Monitor"
                + " move it ahead; remote brokers always run on real time"));
        reset.setId("resetClockButton");
        reset.getStyleClass().add("small");
        reset.setTooltip(new Tooltip("Bring the built-in brokers back to real time"));
        reset.setOnAction(e -> onReset.run());
        zone.setId("timeZoneChoice");
        zone.getStyleClass().add("small");
        zone.setEditable(true);
        zone.setPrefWidth(130);
        zone.getItems().setAll(List.of("UTC", "local", java.time.ZoneId.systemDefault().getId()));
        zone.setTooltip(new Tooltip("The zone times are shown in: UTC, local (this machine's), or a zone such as"
                + " Europe/Madrid"));
        zone.setOnAction(e -> onZone.accept(zone.getValue()));
        for (javafx.scene.control.Control c : List.of(reset, zone)) {
            c.setStyle("-fx-font-size: 11px; -fx-padding: 0 6 0 6;"); // no taller than the status line's text
        }
        root = new HBox(6, label, reset, new Label("times in"), zone);
        root.setAlignment(Pos.CENTER_RIGHT);
        root.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the status text gives way, never the clock
    }

    /** Shows the model until released. */
    public void bind(Pins pins) {
        pins.bind(label.textProperty(), model.textProperty());
        pins.bind(reset.disableProperty(), model.aheadProperty().not());
        pins.listen(model.aheadProperty(), (o, was, ahead) -> style(ahead));
        style(model.aheadProperty().get());
    }

    private void style(boolean ahead) {
        label.getStyleClass().remove("ahead");
        if (ahead) {
            label.getStyleClass().add("ahead");
        }
    }

    /** Shows the zone chosen (without acting on it). */
    void zone(String name) {
        zone.setValue(name);
    }

    public Node root() {
        return root;
    }
}
