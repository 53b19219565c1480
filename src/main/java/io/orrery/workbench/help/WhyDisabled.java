package io.orrery.workbench.help;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;

/**
 * A tooltip that says why a button is disabled. A disabled node receives no mouse events, so shows no tooltip of
 * its own (JDK-8090379): the button goes in a pane that carries the reason while the button is disabled.
 */
public final class WhyDisabled {
    private static final String SHOWN = "orrery.whyDisabled";

    private WhyDisabled() {}

    /** The button in a pane that explains, while the button is disabled, why: {@code why}'s text. */
    public static StackPane wrap(ButtonBase button, ObservableValue<String> why) {
        StackPane pane = new StackPane(button);
        pane.getStyleClass().add("why-disabled");
        Tooltip reason = new Tooltip();
        reason.setId("whyDisabled");
        reason.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> why.getValue() == null ? "" : "Disabled: " + why.getValue(), why));
        Runnable update = () -> {
            if (button.isDisabled() && why.getValue() != null && !why.getValue().isBlank()) {
                Tooltip.install(pane, reason);
                pane.getProperties().put(SHOWN, reason);
            } else {
                Tooltip.uninstall(pane, reason);
                pane.getProperties().remove(SHOWN);
            }
        };
        button.disabledProperty().addListener((o, was, now) -> update.run());
        why.addListener((o, was, now) -> update.run());
        update.run();
        return pane;
    }

    /** The reason the pane shows now, or null while its button is enabled (or no reason is known). */
    public static String shown(Node pane) {
        Object t = pane.getProperties().get(SHOWN);
        return t instanceof Tooltip tip ? tip.getText() : null;
    }
}
