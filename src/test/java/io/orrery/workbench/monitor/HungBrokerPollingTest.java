package io.orrery.workbench.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.orrery.client.ShiftedClock;
import io.orrery.workbench.UiThread;
import io.orrery.workbench.brokers.BrokersViewModel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A remote broker that hangs: its session reads block until the test lets them go. However many ticks pass, the
 * monitor has exactly one read of the session out; once that read comes back, the next tick reads again.
 */
class HungBrokerPollingTest {
    @TempDir
    Path config;

    private final UiThread ui = new UiThread();
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final ExecutorService serverThreads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Tasks handed to the monitor's io executor, and those that have finished. */
    private final AtomicInteger submitted = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private HttpServer server;
    private BrokersViewModel brokers;

    @BeforeEach
    void hangingBroker() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(serverThreads); // many threads: reads that pile up would all be seen hanging here
        server.createContext("/", exchange -> {
            started.incrementAndGet();
            inFlight.incrementAndGet();
            try {
                release.await(30, TimeUnit.SECONDS);
                byte[] body = "{\"error\": \"no such session\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(404, body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
                exchange.close();
            }
        });
        server.start();
        brokers = new BrokersViewModel(config, new ShiftedClock(Clock.systemUTC(), Duration.ZERO));
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        server.stop(0);
        brokers.close();
        pool.shutdownNow();
        serverThreads.shutdownNow();
        ui.close();
    }

    private void tick(MonitorViewModel monitor) throws Exception {
        ui.call(monitor::pollAll);
    }

    @Test
    void aHungBrokerCostsOneOutstandingReadNotOnePerTick() throws Exception {
        Executor io = r -> {
            submitted.incrementAndGet();
            pool.execute(() -> {
                try {
                    r.run();
                } finally {
                    finished.incrementAndGet();
                }
            });
        };
        MonitorViewModel monitor = new MonitorViewModel(ui, io, brokers, new WatchFile(config), n -> { });
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/sessions/4f7c";
        Watched w = new Watched("hung", url, "stuck", null, null, null, null);
        ui.call(() -> monitor.sessions().add(w));

        tick(monitor);
        ui.await(() -> inFlight.get() == 1);
        for (int i = 0; i < 5; i++) {
            tick(monitor);
        }
        // settled: every task the ticks handed to io has ended or is hanging in the broker (extra reads would be)
        ui.await(() -> submitted.get() - finished.get() == inFlight.get());
        assertEquals(1, inFlight.get(), "one read of the session is out, not one per tick");
        assertEquals(1, started.get());
        assertEquals(1, submitted.get(), "the later ticks started nothing");

        release.countDown();
        ui.await(() -> !w.problemProperty().get().isEmpty());
        assertTrue(w.problemProperty().get().contains("4f7c"), w.problemProperty().get());
        tick(monitor);
        ui.await(() -> started.get() == 2);
        ui.await(() -> submitted.get() == finished.get());
        assertEquals(2, started.get(), "once the read came back, the next tick reads again");
    }
}
