package io.orrery.engine;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Docker-compatible API on a real Unix domain socket: answers {@code GET /version} with what Podman 4.3.1 (or
 * dockerd 20.10.24) answered on these machines, optionally chunked, or accepts and never answers.
 */
public final class FakeDockerApi implements AutoCloseable {
    /** Podman 4.3.1's {@code /version} (system service), trimmed. */
    public static final String PODMAN = """
            {"Platform":{"Name":"linux/amd64/debian-12"},"Components":[{"Name":"Podman Engine","Version":"4.3.1",\
            "Details":{"APIVersion":"4.3.1","Arch":"amd64","BuildTime":"1970-01-01T00:00:00Z","Experimental":"false",\
            "GitCommit":"","GoVersion":"go1.19.8","KernelVersion":"5.15.0","MinAPIVersion":"4.0.0","Os":"linux"}}],\
            "Version":"4.3.1","ApiVersion":"1.41","MinAPIVersion":"1.24","GitCommit":"","GoVersion":"go1.19.8",\
            "Os":"linux","Arch":"amd64","KernelVersion":"5.15.0","BuildTime":"1970-01-01T00:00:00Z"}""";
    /** dockerd 20.10.24's (Debian docker.io) {@code /version}, trimmed. */
    public static final String DOCKER = """
            {"Platform":{"Name":""},"Components":[{"Name":"Engine","Version":"20.10.24+dfsg1","Details":\
            {"ApiVersion":"1.41","Arch":"amd64","MinAPIVersion":"1.12","Os":"linux"}},{"Name":"containerd",\
            "Version":"1.6.20~ds1"},{"Name":"runc","Version":"1.1.5+ds1"}],"Version":"20.10.24+dfsg1",\
            "ApiVersion":"1.41","MinAPIVersion":"1.12","Os":"linux","Arch":"amd64"}""";

    /** How the fake answers. */
    public enum Mode { PLAIN, CHUNKED, SILENT }

    private final Path socket;
    private final ServerSocketChannel server;
    private final Thread thread;
    private final List<SocketChannel> held = new ArrayList<>();

    public FakeDockerApi(Path socket, String body, Mode mode) throws IOException {
        this.socket = socket;
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        thread = new Thread(() -> serve(body, mode), "fake-docker-api");
        thread.setDaemon(true);
        thread.start();
    }

    public Path socket() {
        return socket;
    }

    private void serve(String body, Mode mode) {
        while (server.isOpen()) {
            try {
                SocketChannel c = server.accept();
                if (mode == Mode.SILENT) {
                    synchronized (held) {
                        held.add(c);
                    }
                    continue;
                }
                try (c) {
                    readRequest(c);
                    c.write(StandardCharsets.UTF_8.encode(answer(body, mode)));
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void readRequest(SocketChannel c) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(4096);
        StringBuilder seen = new StringBuilder();
        while (!seen.toString().contains("\r\n\r\n") && c.read(buf) > 0) {
            seen.append(new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII));
            buf.clear();
        }
    }

    private static String answer(String body, Mode mode) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\n"
                + "Date: Tue, 01 Dec 2026 12:00:00 GMT\r\n";
        if (mode == Mode.PLAIN) {
            return head + "Content-Length: " + bytes.length + "\r\n\r\n" + body;
        }
        int half = body.length() / 2;
        return head + "Transfer-Encoding: chunked\r\n\r\n" + chunk(body.substring(0, half))
                + chunk(body.substring(half)) + "0\r\n\r\n";
    }

    private static String chunk(String part) {
        return Integer.toHexString(part.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + part + "\r\n";
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (held) {
            for (SocketChannel c : held) {
                c.close();
            }
        }
        Files.deleteIfExists(socket);
    }
}
