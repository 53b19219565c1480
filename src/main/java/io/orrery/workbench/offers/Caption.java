package io.orrery.workbench.offers;

import io.orrery.client.text.HumanTime;
import java.time.Instant;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the answers on show answer: "answers to 11-32-cores-4-hours at 14:02:10 UTC", and why they may no longer
 * fit (another task was opened, or this one changed since), in which case the views dim them.
 */
public final class Caption {
    private final StringProperty task = new SimpleStringProperty();
    private final ObjectProperty<Instant> at = new SimpleObjectProperty<>();
    private final StringProperty staleBecause = new SimpleStringProperty("");
    private final BooleanProperty stale = new SimpleBooleanProperty();
    private final ObjectProperty<HumanTime> time = new SimpleObjectProperty<>(HumanTime.UTC);
    private final StringBinding text = Bindings.createStringBinding(this::describe, task, at, staleBecause, time);

    /** A new ask, of that task at that time: fresh answers. */
    void asked(String name, Instant when) {
        task.set(name);
        at.set(when);
        staleBecause.set("");
        stale.set(false);
    }

    /**
     * The answers no longer fit the task in the editor, for that reason ("another task is open"); an empty reason
     * says they fit again (the text is back to what was asked).
     */
    public void stale(String because) {
        if (task.get() != null) {
            staleBecause.set(because);
            stale.set(!because.isEmpty());
        }
    }

    /** The task asked about, or null before any ask. */
    public String task() {
        return task.get();
    }

    public BooleanProperty staleProperty() {
        return stale;
    }

    /** How instants are shown (UTC unless a zone is chosen). */
    public ObjectProperty<HumanTime> timeProperty() {
        return time;
    }

    public StringBinding textProperty() {
        return text;
    }

    private String describe() {
        if (task.get() == null) {
            return "No answers yet: open a task, check some brokers and press Ask (Ctrl+Enter)";
        }
        return "Answers to " + task.get() + " at " + time.get().timeOfDay(at.get())
                + (staleBecause.get().isEmpty() ? "" : " \u2014 " + staleBecause.get() + ": ask again");
    }
}
