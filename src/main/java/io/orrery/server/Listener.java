package io.orrery.server;

import java.io.IOException;
import java.time.Duration;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Jetty bound to an address (its port open, not yet started), and the base URL written into answers. */
record Listener(Server jetty, String base) {
    /**
     * Jetty sizes its queues to cache lines, and to learn whether references are compressed it starts the platform
     * MBean server (JMX: about 60 ms of a start and a few hundred classes) unless told. They are compressed under
     * every heap a broker runs with (below 32 GiB): 64-byte lines of 4-byte references.
     */
    private static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    static Listener open(String bind, int port, String publicUrl) throws IOException {
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(REFERENCES_PER_CACHE_LINE, "16");
        }
        QueuedThreadPool threads = new QueuedThreadPool(48, 4);
        threads.setName("orrery-http");
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(16 * 1024);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(bind);
        connector.setPort(port);
        connector.setIdleTimeout(Duration.ofSeconds(15).toMillis());
        jetty.addConnector(connector);
        jetty.addBean(new NetworkConnectionLimit(BrokerServer.MAX_CONNECTIONS, connector));
        connector.open();
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        String base = publicUrl != null ? publicUrl.replaceAll("/+$", "") : "http://" + host + ":" + connector.getLocalPort();
        jetty.setStopTimeout(2000);
        return new Listener(jetty, base);
    }

    /** Stops Jetty; a graceful stop that timed out on idle keep-alive connections has stopped all the same. */
    void stop() {
        try {
            jetty.stop();
        } catch (Exception e) {
            if (!jetty.isStopped()) {
                throw new IllegalStateException("cannot stop the server: " + e, e);
            }
        }
    }
}
