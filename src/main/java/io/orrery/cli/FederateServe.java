package io.orrery.cli;

import io.orrery.client.BrokerConfig;
import io.orrery.client.BrokerRegistry;
import io.orrery.federation.Federation;
import io.orrery.server.FrontServer;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code orrery serve --federate FILE}: a broker of brokers until stopped. */
final class FederateServe {
    private FederateServe() {}

    static int run(ServeCommand c) throws InterruptedException {
        var err = c.spec.commandLine().getErr();
        List<BrokerConfig> upstreams;
        try {
            if (!Files.isRegularFile(c.federate)) {
                err.println("orrery serve: no file " + c.federate + " (it lists the upstream brokers, as brokers.yaml does)");
                return 2;
            }
            upstreams = BrokerRegistry.loadFile(c.federate).all();
        } catch (IOException | RuntimeException e) {
            err.println("orrery serve: cannot read " + c.federate + ": " + e.getMessage());
            return 2;
        }
        if (upstreams.isEmpty() || upstreams.stream().anyMatch(BrokerConfig::builtIn)) {
            err.println("orrery serve: " + c.federate + " must list upstream brokers by http(s) URL under 'brokers:'");
            return 2;
        }
        FrontServer server;
        try {
            server = FrontServer.start(new FrontServer.Options(c.bind, c.port, c.publicUrl, c.tokens, c.users, c.quiet,
                    System.err).oidc(c.oidc), base -> new Federation("federation", base, upstreams, Clock.systemUTC()));
        } catch (IOException e) {
            err.println("orrery serve: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "orrery-stop"));
        System.err.println("orrery serve: federation of " + upstreams.size() + " brokers ("
                + String.join(", ", upstreams.stream().map(BrokerConfig::name).toList()) + ") on " + server.baseUrl()
                + "; " + server.authentication());
        stopped.await();
        return 0;
    }
}
