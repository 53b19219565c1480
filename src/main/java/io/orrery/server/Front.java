package io.orrery.server;

import io.orrery.model.ExecutionRequest;
import io.orrery.model.Update;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What answers behind the ExecutionBroker web API when it is not our broker core: a federation of brokers
 * ({@code orrery serve --federate}). Trees are of the newest generation; ids are UUIDs. Errors are the core's
 * ({@code NotFoundException} 404, {@code InvalidUpdateException} 400, {@code UpdateRefusedException} 409) or
 * {@link UpstreamException} (502).
 */
public interface Front {
    /** {@code GET /}: what this service is and which endpoints it has. */
    JsonNode description();

    /** {@code POST /requests}: the offer set, its {@code meta.url} the address it can be read again at. */
    JsonNode request(ExecutionRequest request, String user);

    Optional<JsonNode> offerSet(String id);

    Optional<JsonNode> session(String id);

    JsonNode update(String id, Update update);

    /**
     * {@code POST /direct}: the earliest offer of a fresh offer set, accepted at once; the session, or a
     * {@code NotFoundException} saying why none could be had (every site said NO, or failed).
     */
    JsonNode direct(ExecutionRequest request, String user);

    /**
     * {@code GET /sessions/{uuid}/connectors/{name}}: a piece of one output of a session from a byte offset, as its
     * site keeps it ({@code NotFoundException} when the site keeps no such output).
     */
    Output output(String id, String name, long offset);

    /** A piece of an output: what was read, where to ask from next, and whether more may come. */
    record Output(byte[] bytes, long next, boolean growing) {
    }

    /** Who asked for the offer set or session (empty when nobody authenticated or the id is unknown). */
    Optional<String> owner(String id);

    /** A broker behind this one failed to answer usefully: 502, its message saying which one and why. */
    final class UpstreamException extends RuntimeException {
        public UpstreamException(String message) {
            super(message);
        }
    }
}
