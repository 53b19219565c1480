package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A MessageItem, after messagetemplates.org: {@code template} with {@code ${name}} placeholders filled from {@code values}. */
public record Message(String kind, String time, String level, String template, Map<String, String> values,
                     String message, @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {

    /** The rendered text: {@code message} if the sender rendered it, else the template with its values filled in. */
    public String text() {
        if (message != null && !message.isBlank()) {
            return message;
        }
        String text = template == null ? "" : template;
        if (values != null) {
            for (var e : values.entrySet()) {
                text = text.replace("${" + e.getKey() + "}", String.valueOf(e.getValue()));
            }
        }
        return text;
    }
}
