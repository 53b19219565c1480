package io.orrery.server;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Verifies JWT access tokens of one OpenID issuer with Nimbus JOSE+JWT: the issuer's discovery document gives its
 * key set (JWKS), fetched when first needed, cached, and fetched again when a token names a key it does not hold
 * (key rotation; at most twice in {@link #REFETCH_MS} ms); signature (asymmetric algorithms only), {@code typ}
 * (JWT or at+jwt), {@code iss}, {@code aud}, {@code exp} and {@code nbf} (30 s of clock skew) are checked. The owner
 * is the configured claim; the scopes are {@code scope} (space-separated) or {@code scp}.
 */
final class OidcVerifier {
    static final long REFETCH_MS = 30_000;
    static final int SKEW_SECONDS = 30;
    /** Not configured: no token is a JWT to check here. */
    static final OidcVerifier NONE = new OidcVerifier(null, Set.of(), null);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long DISCOVERY_RETRY_MS = 5_000;

    record Verified(String owner, Set<String> scopes) {}

    private final OidcOptions options;
    private final Set<String> audiences;
    private final IssuerFetch fetch;
    private volatile ConfigurableJWTProcessor<SecurityContext> processor;
    private long nextDiscovery;

    private OidcVerifier(OidcOptions options, Set<String> audiences, IssuerFetch fetch) {
        this.options = options;
        this.audiences = audiences;
        this.fetch = fetch;
    }

    /** For tokens of the options' issuer and audience (null audience: base, the broker's URL, with or without '/'). */
    static OidcVerifier of(OidcOptions options, String base) {
        if (options == null) {
            return NONE;
        }
        Set<String> aud = new LinkedHashSet<>();
        if (options.audience() != null) {
            aud.add(options.audience());
        } else {
            String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
            aud.add(b);
            aud.add(b + "/");
        }
        return new OidcVerifier(options, Set.copyOf(aud), new IssuerFetch());
    }

    boolean enabled() {
        return options != null;
    }

    /** A bearer credential shaped like a JWT (three dot-separated parts), which this verifier decides on. */
    static boolean looksLikeJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2 && !token.startsWith(".");
    }

    /** The token's owner and scopes; a 401 problem saying why when it is not valid here (never quoting it). */
    Verified verify(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor().process(token, null);
        } catch (KeySourceException e) {
            throw unavailable("cannot read the identity provider's keys (" + e.getMessage() + ")");
        } catch (ParseException e) {
            throw invalid("the token is not a JWT: " + e.getMessage());
        } catch (BadJOSEException | JOSEException e) {
            throw invalid(reason(e, audiences));
        }
        Object owner = claims.getClaim(options.ownerClaim());
        if (!(owner instanceof String name) || name.isBlank()) {
            throw invalid("the token has no '" + options.ownerClaim() + "' claim to name its owner");
        }
        return new Verified(name, scopes(claims));
    }

    private static String reason(Exception e, Set<String> audiences) {
        String m = String.valueOf(e.getMessage());
        if (m.startsWith("JWT aud claim") || m.startsWith("JWT missing required audience")) {
            return "the token is meant for another audience: this broker takes aud " + String.join(" or ", audiences);
        }
        if (m.equals("Expired JWT")) {
            return "the token has expired";
        }
        if (m.equals("JWT before use time")) {
            return "the token is not valid yet (nbf)";
        }
        if (m.startsWith("Signed JWT rejected: Invalid signature")) {
            return "the token's signature does not verify with the issuer's keys";
        }
        if (m.startsWith("Signed JWT rejected: Another algorithm expected, or no matching key(s) found")) {
            return "the token is signed with a key or algorithm the issuer does not publish";
        }
        return "the token was refused: " + m;
    }

    private static Set<String> scopes(JWTClaimsSet claims) {
        Object s = claims.getClaim("scope");
        Object scp = s != null ? s : claims.getClaim("scp");
        Set<String> out = new LinkedHashSet<>();
        if (scp instanceof String text) {
            out.addAll(List.of(text.trim().split("\\s+")));
        } else if (scp instanceof List<?> list) {
            list.forEach(x -> out.add(String.valueOf(x)));
        }
        out.remove("");
        return Set.copyOf(out);
    }

    /** The checks, built from the discovery document the first time (again after a failure, at most every 5 s). */
    private ConfigurableJWTProcessor<SecurityContext> processor() {
        ConfigurableJWTProcessor<SecurityContext> p = processor;
        if (p != null) {
            return p;
        }
        synchronized (this) {
            if (processor != null) {
                return processor;
            }
            long now = System.currentTimeMillis();
            if (now < nextDiscovery) {
                throw unavailable("the identity provider " + options.issuer() + " could not be reached just now");
            }
            try {
                processor = build(jwksUri());
                return processor;
            } catch (IOException e) {
                nextDiscovery = now + DISCOVERY_RETRY_MS;
                throw unavailable("cannot read the identity provider's discovery document: " + e.getMessage());
            }
        }
    }

    private URL jwksUri() throws IOException {
        String issuer = options.issuer();
        String well = (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
                + "/.well-known/openid-configuration";
        JsonNode d;
        try {
            d = JSON.readTree(fetch.retrieveResource(URI.create(well).toURL()).getContent());
        } catch (JacksonException e) {
            throw new IOException(well + " is not JSON");
        }
        if (!issuer.equals(d.path("issuer").asString(""))) {
            throw new IOException(well + " names the issuer '" + d.path("issuer").asString("") + "', not " + issuer);
        }
        String jwks = d.path("jwks_uri").asString("");
        if (jwks.isEmpty()) {
            throw new IOException(well + " has no jwks_uri");
        }
        return URI.create(jwks).toURL();
    }

    private ConfigurableJWTProcessor<SecurityContext> build(URL jwks) {
        JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(jwks, fetch)
                .cache(15 * 60_000L, IssuerFetch.TOTAL.toMillis()).rateLimited(REFETCH_MS).retrying(true).build();
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"),
                new JOSEObjectType("application/at+jwt"), null));
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.Family.SIGNATURE, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(audiences,
                new JWTClaimsSet.Builder().issuer(options.issuer()).build(), Set.of("iss", "exp", "aud"), null);
        claims.setMaxClockSkew(SKEW_SECONDS);
        p.setJWTClaimsSetVerifier(claims);
        return p;
    }

    /** The challenge of a 401 (no or bad credentials), with the other schemes the server takes after it. */
    static String challenge(String others) {
        return "Bearer realm=\"orrery\"" + (others == null || others.isEmpty() ? "" : ", " + others);
    }

    static HttpProblem invalid(String reason) {
        return new HttpProblem(401, "Unauthorized", List.of(HttpProblem.Detail.of(reason)), Map.of("WWW-Authenticate",
                "Bearer realm=\"orrery\", error=\"invalid_token\", error_description=\"" + quoted(reason) + "\""));
    }

    /** 403 for a valid token without the scope the request needs. */
    static HttpProblem insufficient(String scope) {
        return new HttpProblem(403, "Forbidden", List.of(HttpProblem.Detail.of("the token does not carry the scope '"
                + scope + "', which this request needs (" + Scopes.meanings().get(scope) + ")")), Map.of(
                "WWW-Authenticate", "Bearer realm=\"orrery\", error=\"insufficient_scope\", scope=\"" + scope + "\""));
    }

    private static HttpProblem unavailable(String why) {
        return new HttpProblem(503, "Service Unavailable", List.of(HttpProblem.Detail.of(why + "; try again in a moment")),
                Map.of("Retry-After", "5"));
    }

    private static String quoted(String s) {
        return s.replaceAll("[\"\\\\\\p{Cntrl}]", "'");
    }

    /** What {@code GET /} says about OIDC: issuer, audience, owner claim and the scopes. */
    void describe(ObjectNode d) {
        if (!enabled()) {
            return;
        }
        ObjectNode o = d.putObject("oidc");
        o.put("issuer", options.issuer());
        audiences.forEach(o.putArray("audience")::add);
        o.put("ownerClaim", options.ownerClaim());
        o.put("tokens", "JWT access tokens of the issuer (Authorization: Bearer), verified against its JWKS");
        ObjectNode s = o.putObject("scopes");
        Scopes.meanings().forEach(s::put);
    }
}
