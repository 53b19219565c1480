package io.orrery.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.SocketFactory;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An HTTP client whose connections come from a chosen loopback address (127.0.0.2, ...), so that a test can play
 * several clients of a broker listening on 127.0.0.1, as a per-address limit sees them.
 */
final class FromAddress implements AutoCloseable {
    private final OkHttpClient client;

    FromAddress(String address) {
        client = new OkHttpClient.Builder().socketFactory(new Bound(address)).followRedirects(false)
                .connectionPool(new okhttp3.ConnectionPool(64, 1, java.util.concurrent.TimeUnit.MINUTES))
                .callTimeout(Duration.ofSeconds(30)).build();
    }

    /** A GET with an Authorization header: status and Retry-After (or null). */
    Answer get(String url, String authorization) throws IOException {
        Request r = new Request.Builder().url(url).header("Authorization", authorization).build();
        try (Response res = client.newCall(r).execute()) {
            return new Answer(res.code(), res.header("Retry-After"), res.body().string());
        }
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    record Answer(int status, String retryAfter, String body) {
    }

    private static final class Bound extends SocketFactory {
        private final String address;

        Bound(String address) {
            this.address = address;
        }

        @Override
        public Socket createSocket() throws IOException {
            Socket s = new Socket();
            s.bind(new InetSocketAddress(address, 0));
            return s;
        }

        @Override
        public Socket createSocket(String host, int port) {
            throw new UnsupportedOperationException("OkHttp connects the socket itself");
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) {
            throw new UnsupportedOperationException("OkHttp connects the socket itself");
        }

        @Override
        public Socket createSocket(InetAddress host, int port) {
            throw new UnsupportedOperationException("OkHttp connects the socket itself");
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) {
            throw new UnsupportedOperationException("OkHttp connects the socket itself");
        }
    }
}
