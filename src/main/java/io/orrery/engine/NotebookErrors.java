package io.orrery.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads an executed notebook for the first cell that raised. */
public final class NotebookErrors {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NotebookErrors() {
    }

    /** {@code Name: message (cell N)} for the first error output, or null when no cell raised. */
    public static String firstError(Path executed) throws IOException {
        if (!Files.isRegularFile(executed)) {
            return "the executed notebook was not written";
        }
        JsonNode nb;
        try {
            nb = JSON.readTree(executed.toFile());
        } catch (JacksonException e) {
            return "the executed notebook is not JSON";
        }
        int index = 0;
        for (JsonNode cell : nb.path("cells")) {
            index++;
            for (JsonNode out : cell.path("outputs")) {
                if ("error".equals(out.path("output_type").asString(""))) {
                    String text = out.path("ename").asString("Error") + ": " + out.path("evalue").asString("");
                    return (text.length() > 300 ? text.substring(0, 300) + "…" : text) + " (cell " + index + ")";
                }
            }
        }
        return null;
    }
}
