package io.orrery.server;

import io.orrery.broker.Links;

/** Absolute URLs under the server's base, each of which the server answers. */
record ServerLinks(String base) implements Links {
    @Override
    public String offerSet(String uuid) {
        return base + "/offersets/" + uuid;
    }

    @Override
    public String session(String uuid) {
        return base + "/sessions/" + uuid;
    }

    @Override
    public String component(String sessionUuid, String family, String uuid) {
        return base + "/sessions/" + sessionUuid + "/" + family + "/" + uuid;
    }
}
