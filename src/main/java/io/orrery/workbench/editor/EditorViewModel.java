package io.orrery.workbench.editor;

import io.orrery.model.check.LocatedFinding;
import io.orrery.model.codec.Dialect;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state of the editor and its form, without the toolkit: the text, its file, whether it changed, its
 * problems, and one text per form field. A form edit rewrites only its own value in the text
 * ({@link YamlPatcher}); a text edit, once analysed ({@link Analysis}), refreshes the form.
 */
public final class EditorViewModel {
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final BooleanProperty readOnly = new SimpleBooleanProperty();
    private final BooleanProperty formEditable = new SimpleBooleanProperty(true);
    private final BooleanProperty sendable = new SimpleBooleanProperty();
    private final StringProperty formNote = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ObservableList<LocatedFinding> problems = FXCollections.observableArrayList();
    private final Map<String, StringProperty> fields = new LinkedHashMap<>();
    private boolean applying;

    public EditorViewModel() {
        for (FormField f : FormField.ALL) {
            StringProperty p = new SimpleStringProperty("");
            p.addListener((o, was, now) -> formEdited(f, now));
            fields.put(f.id(), p);
        }
        text.addListener((o, was, now) -> {
            if (!applying) {
                dirty.set(true);
            }
        });
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    public BooleanProperty formEditableProperty() {
        return formEditable;
    }

    /** True when the request has no errors and no template placeholders left: it may be sent. */
    public BooleanProperty sendableProperty() {
        return sendable;
    }

    public StringProperty formNoteProperty() {
        return formNote;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObservableList<LocatedFinding> problems() {
        return problems;
    }

    public StringProperty field(String id) {
        return fields.get(id);
    }

    /** Loads a text (from a file, a sample or a recovered buffer) as unchanged unless said otherwise. */
    public void load(String content, Path from, boolean sample, boolean changed) {
        applying = true;
        try {
            text.set(content);
        } finally {
            applying = false;
        }
        file.set(from);
        readOnly.set(sample);
        dirty.set(changed);
    }

    /** Takes in an analysis of the text; ignored when the text has changed since. */
    public void apply(Analysis a) {
        if (!a.text().equals(text.get())) {
            return;
        }
        problems.setAll(a.problems());
        sendable.set(!a.hasErrors() && !a.template() && a.form().isPresent());
        if (a.template()) {
            formNote.set("This is a template: choose a concrete kind for each placeholder before sending.");
        } else if (a.form().isPresent() && a.dialect() != Dialect.NEWEST) {
            formNote.set("Written in the " + a.dialect().id() + " format: convert it to the newest to edit it here.");
        } else if (a.form().isEmpty()) {
            formNote.set("The text cannot be read as YAML or JSON: fix the problems listed.");
        } else {
            formNote.set("");
        }
        formEditable.set(a.form().isPresent() && a.dialect() == Dialect.NEWEST && !readOnly.get());
        a.form().ifPresent(values -> {
            applying = true;
            try {
                values.forEach((id, v) -> {
                    StringProperty p = fields.get(id);
                    if (!p.get().equals(v)) {
                        p.set(v);
                    }
                });
            } finally {
                applying = false;
            }
        });
    }

    private void formEdited(FormField f, String now) {
        if (applying) {
            return;
        }
        if (!formEditable.get()) {
            status.set("The form cannot change this text: " + formNote.get());
            return;
        }
        try {
            String patched = YamlPatcher.set(text.get(), f.path(), f.value(now));
            if (!patched.equals(text.get())) {
                text.set(patched);
            }
            status.set("");
        } catch (NumberFormatException e) {
            status.set(f.label() + ": '" + now + "' is not a whole number");
        } catch (IllegalArgumentException e) {
            status.set(f.label() + ": " + e.getMessage());
        }
    }
}
