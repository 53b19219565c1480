package io.orrery.client.oidc;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where the tokens of each broker's sign-in are kept, readable by the user only: the desktop's secret service (through
 * {@code secret-tool}) where there is one, else {@code tokens.json} in the configuration directory.
 * {@code ORRERY_TOKEN_STORE=file} (or {@code -Dorrery.token.store=file}) keeps them in the file whatever the desktop
 * has.
 */
public interface TokenStore {
    Optional<TokenSet> load(String broker);

    void save(String broker, TokenSet tokens);

    /** Forgets a broker's tokens; true when there were some. */
    boolean remove(String broker);

    /** Where the tokens are, in words ("the secret service", "DIR/tokens.json"). */
    String where();

    /** The secret service where it answers (unless ORRERY_TOKEN_STORE=file), else the file in the directory. */
    static TokenStore forDirectory(Path directory) {
        FileTokenStore file = new FileTokenStore(directory.resolve("tokens.json"));
        if ("file".equals(System.getProperty("orrery.token.store", System.getenv("ORRERY_TOKEN_STORE")))) {
            return file;
        }
        return SecretToolStore.available(directory).<TokenStore>map(s -> s).orElse(file);
    }

    static ObjectNode json(TokenSet t) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("access", t.access()).put("refresh", t.refresh()).put("subject", t.subject());
        if (t.expires() != null) {
            o.put("expires", t.expires().toString());
        }
        if (t.obtained() != null) {
            o.put("obtained", t.obtained().toString());
        }
        if (t.exchanged() != null) {
            o.put("exchanged", t.exchanged());
            if (t.exchangedExpires() != null) {
                o.put("exchangedExpires", t.exchangedExpires().toString());
            }
        }
        return o;
    }

    static TokenSet tokens(JsonNode o) {
        return new TokenSet(o.path("access").asString(null), instant(o, "expires"), o.path("refresh").asString(null),
                o.path("subject").asString(null), o.path("exchanged").asString(null), instant(o, "exchangedExpires"), instant(o, "obtained"));
    }

    private static Instant instant(JsonNode o, String key) {
        return o.hasNonNull(key) ? Instant.parse(o.get(key).asString()) : null;
    }
}
