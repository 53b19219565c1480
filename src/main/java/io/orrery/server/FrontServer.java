package io.orrery.server;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The ExecutionBroker web API over a {@link Front} rather than our broker core (a federation of brokers): the same
 * Jetty, limits, authentication (tokens and users files of {@code orrery serve}), errors and negotiation.
 */
public final class FrontServer implements AutoCloseable {
    /** Address, users and logging, as for {@link BrokerServer.Options}. */
    public record Options(String bind, int port, String publicUrl, Path tokens, Path users, boolean quiet,
                          PrintStream log, OidcOptions oidc) {
        /** Without an OpenID issuer. */
        public Options(String bind, int port, String publicUrl, Path tokens, Path users, boolean quiet, PrintStream log) {
            this(bind, port, publicUrl, tokens, users, quiet, log, null);
        }

        /** Loopback, a free port, no authentication, quiet. */
        public static Options loopback() {
            return new Options("127.0.0.1", 0, null, null, null, true, System.err);
        }

        public Options auth(Path tokenFile, Path usersFile) {
            return new Options(bind, port, publicUrl, tokenFile, usersFile, quiet, log, oidc);
        }

        /** Its users authenticate with JWT access tokens of an OpenID issuer too (null: none). */
        public Options oidc(OidcOptions o) {
            return new Options(bind, port, publicUrl, tokens, users, quiet, log, o);
        }
    }

    private final Listener listener;
    private final String schemes;

    private FrontServer(Listener listener, String schemes) {
        this.listener = listener;
        this.schemes = schemes;
    }

    /** Listens, builds the front from the base URL it will be reached at, and starts answering. */
    public static FrontServer start(Options o, Function<String, Front> front) throws IOException {
        Auth auth = o.tokens() == null && o.users() == null ? Auth.OPEN : Auth.load(o.tokens(), o.users());
        Listener listener = Listener.open(o.bind(), o.port(), o.publicUrl());
        FrontHandler handler = new FrontHandler(front.apply(listener.base()), auth,
                OidcVerifier.of(o.oidc(), listener.base()),
                new Admission(BrokerServer.MAX_REQUESTS, BrokerServer.BODY_BUDGET), new RequestLog(o.log(), o.quiet()));
        listener.jetty().setHandler(handler);
        try {
            listener.jetty().start();
        } catch (Exception e) {
            throw new IOException("cannot start the server: " + e.getMessage(), e);
        }
        return new FrontServer(listener, handler.schemes());
    }

    public String baseUrl() {
        return listener.base();
    }

    /** Who may use it, for the startup line. */
    public String authentication() {
        return schemes.isEmpty() ? "no authentication" : "authentication: " + schemes;
    }

    @Override
    public void close() {
        listener.stop();
    }
}
