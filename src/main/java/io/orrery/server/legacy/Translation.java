package io.orrery.server.legacy;

import io.orrery.model.ExecutionRequest;
import java.util.List;

/**
 * A body of an older protocol, translated: the ExecutionBroker request to ask the core, or (when no broker of ours
 * could ever run it, such as a Helm chart) the reasons for a NO given without asking.
 */
public record Translation(ExecutionRequest request, List<String> refusals) {

    static Translation ask(ExecutionRequest request) {
        return new Translation(request, List.of());
    }

    static Translation refuse(String reason) {
        return new Translation(null, List.of(reason));
    }

    public boolean refused() {
        return request == null;
    }
}
