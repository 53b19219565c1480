package io.orrery.workbench.event;

import io.orrery.model.ExecutionRequest;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The editor's task as of its last analysis (published by the editor; Ask and what-if send it): its text and file,
 * and, when it cannot be sent yet, why not ({@code whyNot} is null when it can).
 */
public record TaskChanged(String text, Path file, String whyNot) {
    /** Before the editor has read anything. */
    public static final TaskChanged NONE = new TaskChanged("", null, "the task has not been read yet");

    public boolean sendable() {
        return whyNot == null;
    }

    /** The task as a request, or empty after saying (to {@code say}) why it cannot be sent. */
    public Optional<ExecutionRequest> request(Consumer<String> say) {
        if (!sendable()) {
            say.accept("Cannot send the task yet: " + whyNot);
            return Optional.empty();
        }
        try {
            return Optional.of(WireCodec.readAs(text, Format.guess(file, text), ExecutionRequest.class));
        } catch (RuntimeException e) {
            say.accept("Cannot read the task: " + e.getMessage());
            return Optional.empty();
        }
    }
}
