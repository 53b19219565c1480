package io.orrery.tools;

import com.sun.net.httpserver.HttpServer;
import io.orrery.broker.BrokerCore;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.client.Broker;
import io.orrery.client.BrokerConfig;
import io.orrery.client.BrokerProfile;
import io.orrery.client.FanOut;
import io.orrery.client.HttpBroker;
import io.orrery.client.Outcome;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.codec.Dialect;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Fan-out to many loopback brokers that each take 200 ms to answer: the whole should take little more than one. */
final class FanOutBench {
    private FanOutBench() {}

    static void run(PrintWriter out, int brokers, ExecutionRequest request) throws Exception {
        BrokerCore core = new BrokerCore(PlatformCatalog.find("cloud").orElseThrow(), Clock.systemUTC());
        byte[] answer = WireCodec.writeCompact(WireCodec.toTree(core.request(request), Dialect.NEWEST), Format.JSON,
                Dialect.NEWEST);
        List<HttpServer> servers = new ArrayList<>();
        List<Broker> clients = new ArrayList<>();
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            for (int i = 0; i < brokers; i++) {
                HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
                s.createContext("/requests", ex -> {
                    ex.getRequestBody().readAllBytes();
                    sleep(200);
                    ex.getResponseHeaders().add("Content-Type", "application/json");
                    ex.sendResponseHeaders(303, answer.length);
                    ex.getResponseBody().write(answer);
                    ex.close();
                });
                s.setExecutor(pool);
                s.start();
                servers.add(s);
                clients.add(new HttpBroker(BrokerConfig.of("slow-" + i, "http://127.0.0.1:" + s.getAddress().getPort())
                        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)), Clock.systemUTC(), BrokerProfile.NEWEST));
            }
            double[] ms = new double[10];
            for (int round = -3; round < ms.length; round++) {
                long t0 = System.nanoTime();
                List<Outcome> all = FanOut.ask(clients, request, o -> { }).get(30, TimeUnit.SECONDS);
                double took = (System.nanoTime() - t0) / 1e6;
                if (all.stream().anyMatch(o -> !(o instanceof Outcome.Offers))) {
                    throw new IllegalStateException("a loopback broker failed: " + all);
                }
                if (round >= 0) {
                    ms[round] = took;
                }
            }
            Arrays.sort(ms);
            out.printf("fan-out: %d brokers answering after 200 ms each: median %.0f ms, worst %.0f ms for all answers%n",
                    brokers, ms[ms.length / 2], ms[ms.length - 1]);
        } finally {
            servers.forEach(s -> s.stop(0));
            pool.shutdownNow();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
