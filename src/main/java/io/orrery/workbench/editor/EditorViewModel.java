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
import javafx.collections.ObservableMap;
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
    private final Map<String, String> inputErrors = new LinkedHashMap<>();
    private Map<String, String> checkErrors = Map.of();
    private final ObservableMap<String, String> fieldErrors = FXCollections.observableHashMap();
    private JsonNode tree;
    private boolean applying;
    private boolean readable;

    public EditorViewModel() {
        useFields(FormField.ALL);
        text.addListener((o, was, now) -> {
            if (!applying) {
                dirty.set(true);
            }
        });
        // a sample saved as the user's own file becomes editable at once
        readOnly.addListener((o, was, now) -> formEditable.set(upToDate() && readable && !now));
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

    /**
     * What is wrong with each form field, by id: the text typed in it that could not be written (a bad number or
     * duration) or else the errors the checks found at its place in the task. Fields without a fault are absent.
     */
    public ObservableMap<String, String> fieldErrors() {
        return fieldErrors;
    }

    /** Whether the field's fault is text typed in it that could not be written (rather than an error of the task). */
    public boolean typedWrong(String id) {
        return inputErrors.containsKey(id);
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
        // the same text read already (a duplicate of a sample, say) is editable at once; another waits for its reading
        formEditable.set(upToDate() && readable && !sample);
        inputErrors.clear();
        showFieldErrors();
    }

    /** Takes in an analysis of the text; ignored when the text has changed since. */
    public void apply(Analysis a) {
        if (!a.text().equals(text.get())) {
            return;
        }
        // errors first, then warnings, each in the order of their lines
        problems.setAll(a.problems().stream().sorted(java.util.Comparator.comparing((LocatedFinding f) -> !f.isError())
                .thenComparing(f -> f.position().line()).thenComparing(f -> f.position().column())).toList());
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
        readable = a.form().isPresent() && a.dialect() == Dialect.NEWEST;
        formEditable.set(readable && !readOnly.get());
        tree = a.tree();
        a.form().ifPresent(values -> {
            applying = true;
            useFields(a.fields());
            try {
                values.forEach((id, v) -> {
                    StringProperty p = fields.get(id);
                    if (!p.get().equals(v)) {
                        p.set(v);
                        inputErrors.remove(id); // the text's value replaces what could not be written
                    }
                });
            } finally {
                applying = false;
            }
        });
        inputErrors.keySet().retainAll(fields.keySet());
        checkErrors = FieldFaults.of(problems, fieldList, tree);
        showFieldErrors();
        analyses.set(analyses.get() + 1);
    }

    private void showFieldErrors() {
        Map<String, String> now = new LinkedHashMap<>(checkErrors);
        now.putAll(inputErrors);
        fieldErrors.keySet().retainAll(now.keySet());
        fieldErrors.putAll(now);
    }

    /** The text with the field's value in it; an item chosen by type is found, or added when it is missing. */
    private String patch(FormField f, Object value) {
        String type = f.typedItem();
        if (type == null) {
            return YamlPatcher.set(value == null ? text.get() : MissingKinds.addFor(text.get(), f.path()), f.path(),
                    value);
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
        String error = null;
        try {
            String patched = patch(f, f.value(now));
            if (!patched.equals(text.get())) {
                text.set(patched);
            }
        } catch (NumberFormatException e) {
            error = "'" + now + "' is not " + (f.type() == FormField.Type.INTEGER ? "a whole number" : "a number");
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
        }
        if (error == null) {
            inputErrors.remove(f.id());
        } else {
            inputErrors.put(f.id(), error);
        }
        showFieldErrors();
        status.set(error == null ? "" : f.label() + ": " + error);
    }
}
