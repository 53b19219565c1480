package io.orrery.workbench.editor;

import io.orrery.model.check.LocatedFinding;
import io.orrery.model.codec.Dialect;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import tools.jackson.databind.JsonNode;

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
    private final StringProperty analyzed = new SimpleStringProperty();
    private final ReadOnlyIntegerWrapper analyses = new ReadOnlyIntegerWrapper();
    private final ObservableList<LocatedFinding> problems = FXCollections.observableArrayList();
    private final Map<String, StringProperty> fields = new LinkedHashMap<>();
    private final ObservableList<FormField> fieldList = FXCollections.observableArrayList();
    private JsonNode tree;
    private boolean applying;

    public EditorViewModel() {
        useFields(FormField.ALL);
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

    /** Whether the problems, form and sendable flag are those of the text as it is now. */
    public boolean upToDate() {
        return text.get().equals(analyzed.get());
    }

    /**
     * How many analyses have been taken in: it goes up after each one, once the problems, the form and the sendable
     * flag are those of the text analysed.
     */
    public ReadOnlyIntegerProperty analysesProperty() {
        return analyses.getReadOnlyProperty();
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

    /** The form's fields now: those of every request, plus the sections of this document's items. */
    public ObservableList<FormField> fieldList() {
        return fieldList;
    }

    /** Makes the properties for a new set of fields, keeping those of fields that stay. */
    private void useFields(java.util.List<FormField> now) {
        java.util.List<String> ids = now.stream().map(FormField::id).toList();
        if (ids.equals(fieldList.stream().map(FormField::id).toList())) {
            return;
        }
        // fresh properties each time the set changes, so that the old form's listeners go with the old properties
        Map<String, String> old = new LinkedHashMap<>();
        fields.forEach((id, p) -> old.put(id, p.get()));
        fields.clear();
        for (FormField f : now) {
            StringProperty p = new SimpleStringProperty(old.getOrDefault(f.id(), ""));
            p.addListener((o, was, value) -> formEdited(f, value));
            fields.put(f.id(), p);
        }
        fieldList.setAll(now);
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
        analyzed.set(a.text());
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
        tree = a.tree();
        a.form().ifPresent(values -> {
            applying = true;
            useFields(a.fields());
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
        analyses.set(analyses.get() + 1);
    }

    /** The text with the field's value in it; an item chosen by type is found, or added when it is missing. */
    private String patch(FormField f, Object value) {
        String type = f.typedItem();
        if (type == null) {
            return YamlPatcher.set(text.get(), f.path(), value);
        }
        String list = f.path().get(0);
        int index = FormValues.indexOf(tree == null ? null : tree.get(list), type);
        if (index >= 0) {
            java.util.List<String> path = new java.util.ArrayList<>(f.path());
            path.set(1, String.valueOf(index));
            return YamlPatcher.set(text.get(), path, value);
        }
        if (value == null) {
            return text.get();
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("kind", FormValues.costKind(list));
        item.put("type", type);
        item.put(f.path().get(2), value);
        return YamlPatcher.appendItem(text.get(), java.util.List.of(list), item);
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
            String patched = patch(f, f.value(now));
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
