package io.orrery.federation;

import io.orrery.client.Broker;

/**
 * Where one of the federation's offers lives: the upstream (its site) and the session's URL there, the federation's
 * offer set it came in, and who asked for it (null when nobody authenticated).
 */
record Placed(Broker site, String upstreamUrl, String offerSet, String owner) {
}
