package io.orrery.workbench.brokers;

import java.time.Instant;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A broker in the brokers pane: whether it is asked, how it fared last, the dialect it speaks. */
public final class BrokerEntry {
    private final String name;
    private final String url;
    private final BooleanProperty checked = new SimpleBooleanProperty(true);
    private final ObjectProperty<Health> health = new SimpleObjectProperty<>(Health.UNKNOWN);
    private final StringProperty dialect = new SimpleStringProperty("");
    private final ObjectProperty<Instant> lastAnswer = new SimpleObjectProperty<>();
    private final StringProperty detail = new SimpleStringProperty("");
    private final ObjectProperty<SignInState> signIn = new SimpleObjectProperty<>(SignInState.NOT_NEEDED);

    public BrokerEntry(String name, String url) {
        this.name = name;
        this.url = url;
    }

    public String name() {
        return name;
    }

    public String url() {
        return url;
    }

    /** A bundled broker core answering in this process, with no network. */
    public boolean builtIn() {
        return url.startsWith("builtin:");
    }

    public BooleanProperty checkedProperty() {
        return checked;
    }

    public ObjectProperty<Health> healthProperty() {
        return health;
    }

    public StringProperty dialectProperty() {
        return dialect;
    }

    public ObjectProperty<Instant> lastAnswerProperty() {
        return lastAnswer;
    }

    /** Where its sign-in stands, for a broker whose users sign in at an OpenID provider. */
    public ObjectProperty<SignInState> signInProperty() {
        return signIn;
    }

    /** What happened the last time, in words (the error, or how long it took). */
    public StringProperty detailProperty() {
        return detail;
    }
}
