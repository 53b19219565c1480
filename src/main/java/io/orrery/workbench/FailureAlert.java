package io.orrery.workbench;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * Tells the user of an unexpected error in a dialog that blocks nothing (the window stays usable behind it). At
 * most one is shown at a time: failures while it is open are counted in it rather than stacking up dialogs. Use it
 * on the JavaFX thread only.
 */
public final class FailureAlert {
    private final Window owner;
    private Alert showing;
    private String first;
    private int more;
    private boolean broken;

    public FailureAlert(Window owner) {
        this.owner = owner;
    }

    /** Shows the message, or adds it to the count of the one already showing. */
    public void show(String message) {
        if (broken) {
            return; // showing failed once: the log and standard error still have every failure
        }
        try {
            if (showing != null) {
                more++;
                showing.setContentText(first + "\n\n" + more + (more == 1 ? " more error" : " more errors")
                        + " since then; the log has them all.");
                return;
            }
            Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
            a.setTitle("Orrery");
            a.setHeaderText("Something went wrong");
            a.initModality(Modality.NONE);
            if (owner != null) {
                a.initOwner(owner);
            }
            a.getDialogPane().setId("failureAlert");
            a.setResizable(true);
            a.setOnHidden(e -> {
                showing = null;
                more = 0;
            });
            showing = a;
            first = message;
            more = 0;
            a.show();
        } catch (RuntimeException e) {
            // if the dialog itself fails, the fallback handler must not be fed the same failure in a loop
            broken = true;
            showing = null;
            System.err.println("orrery: cannot show the error dialog: " + e.getClass().getName());
        }
    }

    /** The dialog shown now, if any (for tests). */
    Alert showing() {
        return showing;
    }
}
