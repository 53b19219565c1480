package io.orrery.workbench;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** State of the main window, kept apart from the nodes so that it can be tested without the toolkit. */
public final class MainViewModel {
    private final StringProperty title = new SimpleStringProperty("Orrery");
    private final StringProperty status = new SimpleStringProperty();
    private final IntegerProperty busy = new SimpleIntegerProperty();

    public MainViewModel() {
        status.set("Ready. " + io.orrery.model.Version.text());
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** How many pieces of work are under way (the busy indicator shows while it is above zero). */
    public IntegerProperty busyProperty() {
        return busy;
    }

    public void busyStart() {
        busy.set(busy.get() + 1);
    }

    public void busyEnd() {
        busy.set(Math.max(0, busy.get() - 1));
    }

    public void say(String message) {
        if (message != null && !message.isBlank()) {
            status.set(message);
        }
    }
}
