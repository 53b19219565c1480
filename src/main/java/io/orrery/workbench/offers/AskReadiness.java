package io.orrery.workbench.offers;

import io.orrery.workbench.brokers.BrokerEntry;
import io.orrery.workbench.event.TaskChanged;
import io.orrery.workbench.feature.Pins;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Why Ask cannot be pressed now, in words for its tooltip, or null when it can: no broker is checked ("check at
 * least one broker"), or the editor's task cannot be sent (its reason, such as "fix the 2 errors in the task
 * first"). Follows the brokers' checkboxes and the task while bound; use it on the JavaFX thread.
 */
final class AskReadiness {
    private final ObservableList<BrokerEntry> brokers;
    private final ReadOnlyStringWrapper why = new ReadOnlyStringWrapper();
    private TaskChanged task = TaskChanged.NONE;

    AskReadiness(ObservableList<BrokerEntry> brokers) {
        this.brokers = brokers;
        update();
    }

    ReadOnlyStringProperty why() {
        return why.getReadOnlyProperty();
    }

    /** The editor's task as it is now. */
    void task(TaskChanged t) {
        task = t;
        update();
    }

    /** Follows every broker's checkbox (those added later too), until released. */
    void bind(Pins pins) {
        InvalidationListener checked = o -> update();
        brokers.forEach(b -> b.checkedProperty().addListener(checked));
        pins.listen(brokers, (ListChangeListener<BrokerEntry>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(b -> b.checkedProperty().removeListener(checked));
                c.getAddedSubList().forEach(b -> b.checkedProperty().addListener(checked));
            }
            update();
        });
        pins.onRelease(() -> brokers.forEach(b -> b.checkedProperty().removeListener(checked)));
        update();
    }

    private void update() {
        boolean none = brokers.stream().noneMatch(b -> b.checkedProperty().get());
        why.set(none ? "check at least one broker in the brokers pane" : task.whyNot());
    }
}
