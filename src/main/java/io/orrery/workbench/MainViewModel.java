package io.orrery.workbench;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** State of the main window, kept apart from the nodes so that it can be tested without the toolkit. */
public final class MainViewModel {
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Orrery");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();

    public MainViewModel() {
        status.set("Ready. " + io.orrery.model.Version.text());
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
