package io.orrery.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What a {@link PythonProgram} needs: a Python version constraint ({@code > 3.10}, {@code >= 3.11, < 3.13}; a bare
 * version means at least that one) and the packages it imports, each a distribution name with an optional version
 * constraint ({@code astropy>=5}).
 */
public record PythonRequirements(String python, List<String> packages,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {
}
