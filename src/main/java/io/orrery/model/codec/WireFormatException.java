package io.orrery.model.codec;

import java.util.List;

/** A document that is well-formed YAML/JSON but not the ExecutionBroker document expected. */
public final class WireFormatException extends RuntimeException {
    private final List<String> problems;

    public WireFormatException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
