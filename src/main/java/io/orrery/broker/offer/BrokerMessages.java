package io.orrery.broker.offer;

import io.orrery.model.Message;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The messages a broker puts in an answer: a kind URN, a template with {@code ${name}} placeholders, the values, and
 * the rendered text, so that clients which render templates and clients which do not both show something useful.
 */
public final class BrokerMessages {
    public static final String UNKNOWN_TYPE = "uri:unknown-type";
    public static final String NOT_SUPPORTED = "urn:not-supported";
    public static final String RESOURCE_LIMIT = "urn:resource-limit";
    public static final String MISSING_VALUE = "urn:missing-required-value";
    public static final String BAD_VALUE = "urn:bad-value";
    public static final String EXECUTABLE_REQUIRED = "urn:executable-required";
    public static final String INVALID_REQUEST = "urn:invalid-request";
    public static final String TEMPLATE_KIND = "urn:template-kind";
    public static final String NOT_REACHABLE = "urn:not-reachable";
    public static final String NO_SLOT = "urn:no-slot";
    public static final String SUGGESTION = "urn:suggestion";
    public static final String OVER_BUDGET = "urn:over-budget";
    public static final String METRIC_NOT_MET = "urn:metric-not-met";
    public static final String BEYOND_HORIZON = "urn:beyond-horizon";

    private BrokerMessages() {}

    /** A message; values alternate name, value. */
    public static Message of(Instant time, String kind, String level, String template, Object... values) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < values.length; i += 2) {
            map.put(String.valueOf(values[i]), String.valueOf(values[i + 1]));
        }
        String text = template;
        for (var e : map.entrySet()) {
            text = text.replace("${" + e.getKey() + "}", e.getValue());
        }
        return new Message(kind, time.toString(), level, template, map, text, Map.of());
    }

    public static Message error(Instant time, String kind, String template, Object... values) {
        return of(time, kind, "ERROR", template, values);
    }

    public static Message info(Instant time, String kind, String template, Object... values) {
        return of(time, kind, "INFO", template, values);
    }
}
