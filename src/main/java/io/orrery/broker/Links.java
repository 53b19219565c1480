package io.orrery.broker;

/**
 * The URLs the core writes into {@code meta.url}: a server gives absolute ones that resolve; offline brokers have
 * none.
 */
public interface Links {
    /** No URLs (offline). */
    Links NONE = new Links() {
        @Override
        public String offerSet(String uuid) {
            return null;
        }

        @Override
        public String session(String uuid) {
            return null;
        }
    };

    String offerSet(String uuid);

    String session(String uuid);

    /** One output of a session (a log, the exit code, a file): {@code SESSION/connectors/NAME}. */
    default String connector(String sessionUuid, String name) {
        String s = session(sessionUuid);
        return s == null ? null : s + "/connectors/" + name;
    }

    /** A component of a session; by default a fragment of the session's URL. */
    default String component(String sessionUuid, String family, String uuid) {
        String s = session(sessionUuid);
        return s == null ? null : s + "#" + family + "/" + uuid;
    }
}
