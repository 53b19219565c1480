package io.orrery.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A followed answer over a real Unix domain socket: chunked bodies decoded across chunk boundaries, the Docker log
 * frames split into stdout and stderr, and answers cut short refused rather than taken as complete.
 */
class UnixStreamTest {
    @TempDir
    Path dir;

    /** Serves one connection with the given raw answer, written in pieces. */
    private Thread serve(Path socket, byte[]... pieces) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread t = new Thread(() -> {
            try (server; SocketChannel c = server.accept()) {
                c.read(ByteBuffer.allocate(4096));
                for (byte[] p : pieces) {
                    c.write(ByteBuffer.wrap(p));
                }
            } catch (IOException e) {
                // the test sees what arrived
            }
        });
        t.start();
        return t;
    }

    private static byte[] frame(int stream, String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
        b.put((byte) stream).put(new byte[3]).putInt(payload.length).put(payload);
        return b.array();
    }

    private static byte[] chunk(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    @Test
    void aChunkedLogIsDecodedAndSplitIntoItsStreams() throws Exception {
        Path socket = dir.resolve("engine.sock");
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(frame(1, "hello\n"));
        all.writeBytes(frame(2, "oops\n"));
        all.writeBytes(frame(1, "bye\n"));
        byte[] log = all.toByteArray();
        // chunk boundaries fall inside frame headers and payloads
        Thread server = serve(socket, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                chunk(java.util.Arrays.copyOfRange(log, 0, 3)), chunk(java.util.Arrays.copyOfRange(log, 3, 17)),
                chunk(java.util.Arrays.copyOfRange(log, 17, log.length)), "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (UnixStream s = UnixStream.open(socket, "GET", "/logs")) {
            assertEquals(200, s.status());
            LogDemux.copy(s.body(), out, err);
        }
        server.join();
        assertEquals("hello\nbye\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("oops\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aChunkedAnswerCutShortIsAnError() throws Exception {
        Path socket = dir.resolve("engine.sock");
        Thread server = serve(socket, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nonly".getBytes(
                StandardCharsets.US_ASCII));
        try (UnixStream s = UnixStream.open(socket, "GET", "/logs")) {
            assertThrows(IOException.class, () -> s.body().readAllBytes());
        }
        server.join();
    }

    @Test
    void somethingNotHttpIsRefused() throws Exception {
        Path socket = dir.resolve("engine.sock");
        Thread server = serve(socket, "SSH-2.0-OpenSSH\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        IOException e = assertThrows(IOException.class, () -> UnixStream.open(socket, "GET", "/logs"));
        assertEquals("not an HTTP answer: SSH-2.0-OpenSSH", e.getMessage());
        server.join();
    }

    @Test
    void eachLogKeepsAtMostItsLimitAndSaysSoOnce() throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(frame(1, "0123456789"));
        all.writeBytes(frame(2, "err\n"));
        all.writeBytes(frame(1, "abcdef"));
        all.writeBytes(frame(1, "more"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        LogDemux.copy(new java.io.ByteArrayInputStream(all.toByteArray()), out, err, 12);
        assertEquals("0123456789ab\n[orrery: this log reached 12 bytes; the rest was dropped]\n",
                out.toString(StandardCharsets.UTF_8));
        assertEquals("err\n", err.toString(StandardCharsets.UTF_8));
    }
}
