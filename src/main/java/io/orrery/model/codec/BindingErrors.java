package io.orrery.model.codec;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Turns Jackson's binding errors into a pointer and a sentence a user can act on. */
final class BindingErrors {
    private BindingErrors() {}

    static String pointer(JacksonException e) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                out.append('/').append(Origins.escape(ref.getPropertyName()));
            } else if (ref.getIndex() >= 0) {
                out.append('/').append(ref.getIndex());
            }
        }
        return out.toString();
    }

    static String message(JacksonException e) {
        if (e instanceof InvalidFormatException f) {
            return "expected " + typeName(f.getTargetType()) + ", found '" + f.getValue() + "'";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + typeName(m.getTargetType()) + " here";
        }
        String msg = e.getOriginalMessage();
        if (msg != null && msg.contains("out of range of")) {
            return "a number too large for this field: " + msg.split("\\R")[0].replaceAll("\\s*\\(-?\\d+ - \\d+\\)$", "");
        }
        return msg == null ? "cannot read this value" : msg.split("\\R")[0];
    }

    private static String typeName(Class<?> type) {
        if (type == Long.class || type == Integer.class || type == long.class || type == int.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text value";
        }
        if (java.util.List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord() || type.isInterface()) {
            return "a mapping (key: value block)";
        }
        return "a " + type.getSimpleName();
    }
}
