package io.orrery.archfixture.workbench;

import io.orrery.server.BrokerServer;

/**
 * A deliberate breach for ArchitectureTest: a class standing in for a workbench class that imports the server.
 * The test checks its rules against this package too, and expects them to fail here.
 */
public final class ReachesIntoServer {
    private ReachesIntoServer() {}

    public static String where(BrokerServer server) {
        return server.baseUrl();
    }
}
