package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A Python program (the 2024 report's {@code uri:python-program}): the program file at {@code location} (an
 * {@code http(s):} or {@code file:} URL, or a path, a relative one read from the broker's working directory), run with its {@code arguments} by a Python that meets
 * its {@code requirements}.
 */
public record PythonProgram(String kind, Meta meta, List<FloatItem> costs, List<FloatItem> metrics, String phase, Schedule schedule,
        String location, List<String> arguments, PythonRequirements requirements,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements Executable {
}
