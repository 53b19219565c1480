package io.orrery.engine;

import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/**
 * What a job run as a host process ({@link HostEngine}) works with.
 *
 * @param program the engine's program (nbconvert, python3)
 * @param files where the session's files are kept
 * @param stager what fetches the executable's file and the data
 * @param session the session's id
 * @param offer the accepted offer, as a tree of the newest shape
 * @param processes how its processes are marked as this broker's, swept and killed
 */
record HostWork(Path program, SessionFiles files, DataStager stager, String session, JsonNode offer,
        HostProcesses processes) {
}
