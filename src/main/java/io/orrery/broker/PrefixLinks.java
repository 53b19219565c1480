package io.orrery.broker;

/**
 * URLs under one base: {@code BASE/offersets/UUID}, {@code BASE/sessions/UUID} and
 * {@code BASE/sessions/UUID/FAMILY/UUID} for components (a server answers each; an in-process broker's base is
 * {@code builtin:NAME}).
 */
public record PrefixLinks(String base) implements Links {
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
