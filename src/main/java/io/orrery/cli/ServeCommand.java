package io.orrery.cli;

import io.orrery.broker.BackgroundLoad;
import io.orrery.broker.platform.Platform;
import io.orrery.broker.session.ExecutionAdapter;
import io.orrery.broker.session.SimulatedExecution;
import io.orrery.engine.LocalPlatform;
import io.orrery.engine.RealPlatforms;
import io.orrery.engine.slurm.SlurmPlatform;
import java.nio.file.Files;
import java.util.function.Supplier;
import io.orrery.broker.platform.PlatformException;
import io.orrery.server.BrokerServer;
import io.orrery.server.OidcOptions;
import io.orrery.broker.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code orrery serve}: a real ExecutionBroker over HTTP. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the broker core as an ExecutionBroker web service until stopped (Ctrl-C or SIGTERM).",
            "With --federate FILE instead of --platform: a broker of brokers in front of the brokers FILE lists.",
            "Endpoints: POST /requests, GET /offersets/{uuid}, GET|POST /sessions/{uuid}, POST /direct; GET / describes it."})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--platform", paramLabel = "NAME|FILE",
            description = "a built-in platform (local: this machine, running sessions for real; slurm or"
                    + " slurm:SLURM_CONF: a Slurm cluster, offers held as reservations, sessions run as jobs; green-hpc,"
                    + " cloud, budget, laptop: simulated) or a platform YAML file")
    String platform;

    @Option(names = "--federate", paramLabel = "FILE",
            description = "instead of a platform: a broker of brokers in front of the upstream brokers FILE lists"
                    + " (the format of brokers.yaml: name, url, user/password or token, timeouts)")
    Path federate;

    @Option(names = "--port", defaultValue = "8080", description = "port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDR",
            description = "address to listen on (default: ${DEFAULT-VALUE}; give another one only on purpose)")
    String bind;

    @Option(names = "--data", paramLabel = "DIR", description = "keep state in DIR (SQLite), so it survives restarts")
    Path data;

    @Option(names = "--token-file", paramLabel = "FILE", description = "bearer tokens, one 'NAME TOKEN' per line")
    Path tokens;

    @Option(names = "--users", paramLabel = "FILE", description = "HTTP Basic accounts (see 'orrery users add')")
    Path users;

    @Option(names = "--oidc-issuer", paramLabel = "URL",
            description = "accept JWT access tokens of this OpenID issuer (https; scopes eb:ask, eb:accept, eb:cancel)")
    String oidcIssuer;

    @Option(names = "--audience", paramLabel = "A",
            description = "with --oidc-issuer: the audience tokens must name (default: this broker's URL)")
    String audience;

    @Option(names = "--owner-claim", paramLabel = "CLAIM", defaultValue = "sub",
            description = "with --oidc-issuer: the claim that names a token's owner (default: ${DEFAULT-VALUE})")
    String ownerClaim;

    @Option(names = "--admin", paramLabel = "NAME", description = "with --users/--token-file/--oidc-issuer: the one user who may"
            + " see offer sets and sessions made before authentication was on (without it: nobody)")
    String admin;

    @Option(names = "--adopt-unowned", paramLabel = "NAME", description = "at start, make NAME the owner of every offer"
            + " set and session in --data that has none (made while authentication was off)")
    String adoptUnowned;

    @Option(names = "--offer-lifetime", paramLabel = "DURATION", description = "how long offers hold (ISO-8601, e.g. PT30S)")
    Duration lifetime;

    @Option(names = "--retention", paramLabel = "DURATION", defaultValue = "PT1H",
            description = "how long ended sessions stay readable in memory (default: ${DEFAULT-VALUE})")
    Duration retention;

    @Option(names = "--public-url", paramLabel = "URL", description = "base of the URLs written into answers")
    String publicUrl;

    @Option(names = "--quiet", description = "no line per request")
    boolean quiet;

    @Option(names = "--background", paramLabel = "N", defaultValue = "0",
            description = "book N synthetic jobs of other users first (a busy platform, for load tests and demos)")
    int background;

    @Option(names = "--srcnet-units", paramLabel = "NAME=UNIT,...", defaultValue = "memory=GB,data=GB,runtime=h",
            description = "how the SRCNet compute API's bare numbers are read (default: ${DEFAULT-VALUE})")
    String srcnetUnits;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The OpenID issuer's settings, once checked (null: none). */
    OidcOptions oidc;

    @Override
    public Integer call() throws InterruptedException {
        if ((platform == null) == (federate == null)) {
            spec.commandLine().getErr().println("orrery serve: give --platform NAME|FILE (a broker) or --federate FILE"
                    + " (a broker of brokers), not " + (platform == null ? "neither" : "both"));
            return 2;
        }
        if (federate != null && (admin != null || adoptUnowned != null)) {
            spec.commandLine().getErr().println("orrery serve: --admin and --adopt-unowned are for a broker's --data;"
                    + " a federation keeps its objects in memory, so none is ever without an owner once it has users");
            return 2;
        }
        if (oidcIssuer == null && audience != null) {
            spec.commandLine().getErr().println("orrery serve: --audience needs --oidc-issuer");
            return 2;
        }
        try {
            oidc = oidcIssuer == null ? null : new OidcOptions(oidcIssuer, audience, ownerClaim);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("orrery serve: --oidc-issuer: " + e.getMessage());
            return 2;
        }
        if (federate != null) {
            return FederateServe.run(this);
        }
        io.orrery.server.legacy.SrcnetUnits units;
        try {
            units = io.orrery.server.legacy.SrcnetUnits.parse(srcnetUnits);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("orrery serve: --srcnet-units: " + e.getMessage());
            return 2;
        }
        BrokerServer.Options o;
        ExecutionAdapter adapter;
        Path sessions;
        SlurmPlatform.Opened slurm = null;
        try {
            Supplier<LocalPlatform.Found> probe = Memo.of(() -> LocalPlatform.Found.probe(System.getenv()));
            sessions = data != null ? data.resolve("sessions") : Files.createTempDirectory("orrery-sessions-");
            Platform p;
            if (SlurmPlatform.names(platform)) {
                slurm = SlurmPlatform.open(platform, System.getenv(), probe.get());
                p = slurm.platform();
                adapter = slurm.execution(probe.get(), sessions, Clock.systemUTC());
            } else {
                p = RealPlatforms.load(platform, probe);
                adapter = p.execution().real() ? RealPlatforms.adapter(p, probe.get(), sessions, Clock.systemUTC())
                        : new SimulatedExecution();
            }
            o = BrokerServer.Options.of(p).port(port).data(data).execution(adapter)
                    .auth(tokens, users).oidc(oidc).offerLifetime(lifetime).bind(bind, publicUrl)
                    .clock(Clock.systemUTC()).log(quiet, System.err).retention(retention)
                    .srcnetUnits(units).unowned(admin, adoptUnowned);
        } catch (PlatformException e) {
            spec.commandLine().getErr().println("orrery serve: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            spec.commandLine().getErr().println("orrery serve: cannot make a directory for session files: "
                    + e.getMessage());
            return 1;
        }
        BrokerServer server;
        try {
            server = BrokerServer.start(o);
        } catch (IOException | StoreException e) {
            spec.commandLine().getErr().println("orrery serve: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            if (adapter instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    // stopping anyway
                }
            }
            stopped.countDown();
        }, "orrery-stop"));
        if (slurm != null) {
            server.core().externalLoad(slurm.load(Clock.systemUTC(), server.core()::exists));
        }
        if (background > 0) {
            int booked = BackgroundLoad.book(server.core(), background, 42);
            System.err.println("orrery serve: booked " + booked + " background jobs");
        }
        System.err.println(server.startupLine());
        if (server.core().platform().execution().real()) {
            System.err.println("orrery serve: sessions run for real (" + server.core().platform().description()
                    + "); their logs and outputs are kept in " + sessions);
        }
        stopped.await();
        return 0;
    }
}
