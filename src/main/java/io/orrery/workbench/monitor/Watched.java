package io.orrery.workbench.monitor;

import io.orrery.model.PhaseChange;
import io.orrery.model.SessionPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A session being monitored: where it lives, what was planned (the accepted offer's schedule), and what has
 * happened: its phases with the times they were reached, its components' phases, its connectors.
 */
public final class Watched {
    /** A way into the running session: what it is and where. */
    public record Link(String label, String location) {
    }

    /** Something the session leaves to read (a log, the exit code, a file): its name, size so far, whether it grows. */
    public record Output(String name, long size, boolean growing) {
    }

    private final String broker;
    private final String url;
    private final String name;
    private final Instant start;
    private final Duration lead;
    private final Duration duration;
    private final Duration release;
    private final ObjectProperty<SessionPhase> phase = new SimpleObjectProperty<>(SessionPhase.ACCEPTED);
    private final ObservableList<PhaseChange> history = FXCollections.observableArrayList();
    private final StringProperty components = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final ObservableList<Link> links = FXCollections.observableArrayList();
    private final ObservableList<Output> outputs = FXCollections.observableArrayList();
    private final ObservableList<SessionPhase> actions = FXCollections.observableArrayList();

    public Watched(String broker, String url, String name, Instant start, Duration lead, Duration duration,
                   Duration release) {
        this.broker = broker;
        this.url = url;
        this.name = name;
        this.start = start;
        this.lead = lead == null ? Duration.ZERO : lead;
        this.duration = duration == null ? Duration.ZERO : duration;
        this.release = release == null ? Duration.ZERO : release;
    }

    public String broker() {
        return broker;
    }

    public String url() {
        return url;
    }

    public String name() {
        return name;
    }

    /** The planned start of the available time (null when the offer had no usable schedule). */
    public Instant start() {
        return start;
    }

    public Duration lead() {
        return lead;
    }

    public Duration duration() {
        return duration;
    }

    public Duration release() {
        return release;
    }

    public ObjectProperty<SessionPhase> phaseProperty() {
        return phase;
    }

    public ObservableList<PhaseChange> history() {
        return history;
    }

    /** The components' phases, in words. */
    public StringProperty componentsProperty() {
        return components;
    }

    /** What went wrong the last time it was read, or empty. */
    public StringProperty problemProperty() {
        return problem;
    }

    public ObservableList<Link> links() {
        return links;
    }

    /** Its output connectors ({@code urn:orrery:connector:output}), as the last read listed them. */
    public ObservableList<Output> outputs() {
        return outputs;
    }

    /** The changes the broker allows now (CANCELLED while it may be cancelled). */
    public ObservableList<SessionPhase> actions() {
        return actions;
    }

    public boolean ended() {
        return phase.get().isTerminal();
    }

    /** Sets the phase and adds it to the history if it is new. */
    void reached(SessionPhase p, Instant at, String reason) {
        if (history.isEmpty() || history.get(history.size() - 1).phase() != p) {
            history.add(new PhaseChange(p, at, reason));
        }
        phase.set(p);
    }

    /** Replaces the history with the broker's own record of it (built-in brokers keep exact times). */
    void history(List<PhaseChange> exact) {
        if (!exact.isEmpty() && !exact.equals(history)) {
            history.setAll(exact);
        }
    }
}
