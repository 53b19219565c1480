package io.orrery.server;

import io.orrery.broker.BrokerFullException;
import io.orrery.broker.session.InvalidUpdateException;
import io.orrery.broker.session.NotFoundException;
import io.orrery.broker.session.UpdateRefusedException;
import io.orrery.broker.store.StoreException;
import io.orrery.model.codec.Format;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What every ExecutionBroker web API of ours does around its routes: admission, authentication, errors as problems
 * in the negotiated format, one log line per request. The broker ({@link BrokerHandler}) and a federation of
 * brokers ({@link FrontHandler}) differ only in their routes.
 */
abstract class ApiHandler extends Handler.Abstract {
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /**
     * How long a 429 for too many failed sign-ins is held before it is sent: a flood that ignores Retry-After then
     * makes at most one guess a second on each connection, so answering it costs next to nothing.
     */
    static final long TARPIT_MS = 1000;
    /** At most so many such answers held at once (past it they go out at once). */
    private static final int MOST_TARPITTED = 4096;

    private final java.util.concurrent.atomic.AtomicInteger tarpitted = new java.util.concurrent.atomic.AtomicInteger();
    final Auth auth;
    final OidcVerifier oidc;
    final int bodyLimit;
    final long minBodyRate;
    final Admission admission;
    final RequestLog log;

    ApiHandler(Auth auth, OidcVerifier oidc, int bodyLimit, long minBodyRate, Admission admission, RequestLog log) {
        this.auth = auth;
        this.oidc = oidc;
        this.bodyLimit = bodyLimit;
        this.minBodyRate = minBodyRate;
        this.admission = admission;
        this.log = log;
    }

    /** Answers one request of an authenticated caller (null when authentication is off or the path is public). */
    abstract void route(Exchange ex, String user);

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long t0 = System.nanoTime();
        Exchange ex = new Exchange(request, response, callback, bodyLimit, minBodyRate);
        String user = null;
        Format errorFormat = MediaTypes.answer(ex.header(HttpHeader.ACCEPT), Format.JSON).orElse(Format.JSON);
        Admission.Ticket ticket = admission.enter(ex.method().equals("POST") ? ex.declaredLength(bodyLimit) : 0);
        if (ticket == null) {
            // the body is drained through a small buffer, never held, so that the client reads the 503 cleanly
            ex.sendProblem(new HttpProblem(503, "Service Unavailable", List.of(HttpProblem.Detail.of("the broker is busy"
                    + " (it takes " + admission.limits() + "): try again in a moment")), Map.of("Retry-After", "1")),
                    errorFormat);
            log.request(ex.method(), ex.path(), ex.status(), (System.nanoTime() - t0) / 1e6, null);
            return true;
        }
        try (ticket) {
            user = caller(ex);
            Scopes.of(ex.method(), ex.path()).ifPresent(ex::require);
            route(ex, user);
        } catch (HttpProblem p) {
            if (p.status() == 429 && tarpitted.incrementAndGet() <= MOST_TARPITTED) {
                // the ticket is back already: a turned-away guesser waits on a timer, not on a thread or on room
                String who = user;
                ex.sendProblemLater(p, errorFormat, TARPIT_MS, () -> {
                    tarpitted.decrementAndGet();
                    log.request(ex.method(), ex.path(), ex.status(), (System.nanoTime() - t0) / 1e6, who);
                });
                return true;
            }
            if (p.status() == 429) {
                tarpitted.decrementAndGet();
            }
            ex.sendProblem(p, errorFormat);
        } catch (NotFoundException e) {
            ex.sendProblem(new HttpProblem(404, "Not Found", e.getMessage()), errorFormat);
        } catch (InvalidUpdateException e) {
            ex.sendProblem(new HttpProblem(400, "Bad Request", e.getMessage()), errorFormat);
        } catch (UpdateRefusedException e) {
            ex.sendProblem(new HttpProblem(409, "Conflict", e.getMessage()), errorFormat);
        } catch (BrokerFullException e) {
            ex.sendProblem(new HttpProblem(503, "Service Unavailable", List.of(HttpProblem.Detail.of(e.getMessage())),
                    Map.of("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds())))), errorFormat);
        } catch (StoreException e) {
            ex.sendProblem(new HttpProblem(503, "Service Unavailable", List.of(HttpProblem.Detail.of("the broker cannot"
                    + " reach its database just now: try again in a moment")), Map.of("Retry-After", "5")), errorFormat);
            log.failure(ex.method(), ex.path(), e);
        } catch (Front.UpstreamException e) {
            ex.sendProblem(new HttpProblem(502, "Bad Gateway", e.getMessage()), errorFormat);
        } catch (RuntimeException e) {
            ex.sendProblem(new HttpProblem(500, "Internal Server Error", "the broker failed: "
                    + e.getClass().getSimpleName()), errorFormat);
            log.failure(ex.method(), ex.path(), e);
        }
        log.request(ex.method(), ex.path(), ex.status(), (System.nanoTime() - t0) / 1e6, user);
        return true;
    }

    /** The authenticated caller, or null when authentication is off or the path is public. */
    private String caller(Exchange ex) {
        if (!authenticating() || (ex.path().equals("/") && ex.method().equals("GET"))) {
            return null;
        }
        String authorization = ex.header(HttpHeader.AUTHORIZATION);
        if (oidc.enabled() && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && OidcVerifier.looksLikeJwt(authorization.substring(7).trim())) {
            OidcVerifier.Verified v = oidc.verify(authorization.substring(7).trim());
            ex.grant(v.scopes());
            return v.owner();
        }
        String basic = "Basic realm=\"orrery\", charset=\"UTF-8\"";
        return auth.who(authorization, ex.remoteAddress()).orElseThrow(() -> new HttpProblem(401, "Unauthorized",
                List.of(HttpProblem.Detail.of("valid credentials are needed (" + schemes() + ")")),
                Map.of("WWW-Authenticate", oidc.enabled() ? OidcVerifier.challenge(auth.enabled() ? basic : "") : basic)));
    }

    /** Whether callers must prove who they are (static tokens, Basic accounts or an OpenID issuer). */
    boolean authenticating() {
        return auth.enabled() || oidc.enabled();
    }

    /** The schemes taken, e.g. oidc+bearer+basic. */
    String schemes() {
        String others = auth.enabled() ? auth.schemes() : "";
        return oidc.enabled() ? "oidc" + (others.isEmpty() ? "" : "+" + others) : others;
    }

    /**
     * 404, word for word what an unknown id gets, unless the caller may see the thing: authentication is off, the
     * caller owns it, or it has no owner (made before authentication was on; owner empty) and the caller is the admin.
     * An unknown id has no owner either, so it is refused here the same way (the admin gets the route's own 404).
     */
    void owned(String what, String id, String user, java.util.Optional<String> owner) {
        boolean visible = !authenticating() || owner.map(o -> o.equals(user))
                .orElse(auth.admin() != null && auth.admin().equals(user));
        if (!visible) {
            throw notFound(what, id);
        }
    }

    /** The 404 for an id the caller cannot see, whether it exists or not. */
    static NotFoundException notFound(String what, String id) {
        return new NotFoundException("no " + what + " " + id);
    }

    static String id(String text) {
        if (!UUID.matcher(text).matches()) {
            throw new HttpProblem(400, "Bad Request", "'" + text + "' is not a UUID");
        }
        return text.toLowerCase(java.util.Locale.ROOT);
    }

    static void allow(Exchange ex, String method) {
        if (!ex.method().equals(method)) {
            throw notAllowed(method);
        }
    }

    static HttpProblem notAllowed(String allowed) {
        return new HttpProblem(405, "Method Not Allowed", List.of(HttpProblem.Detail.of("use " + allowed)),
                Map.of("Allow", allowed));
    }
}
