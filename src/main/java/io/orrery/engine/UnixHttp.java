package io.orrery.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * One HTTP/1.1 GET over a Unix domain socket, within a deadline: what a Docker-compatible API needs for
 * {@code /version}. Non-blocking with a selector, so a socket that accepts and never answers costs the timeout and no
 * more. The answer is read to the end ({@code Connection: close}); a chunked body is decoded.
 */
public final class UnixHttp {
    /** The status and body of an answer. */
    public record Response(int status, String body) {
    }

    /** No answer within the deadline. */
    public static final class TimeoutException extends IOException {
        TimeoutException(String message) {
            super(message);
        }
    }

    private static final int MAX_BYTES = 1 << 20;

    private UnixHttp() {
    }

    public static Response get(Path socket, String target, Duration timeout) throws IOException {
        return send(socket, "GET", target, null, timeout);
    }

    /** One request with an optional JSON body, answered in full within the timeout. */
    public static Response send(Path socket, String method, String target, String json, Duration timeout)
            throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
                Selector selector = Selector.open()) {
            channel.configureBlocking(false);
            if (!channel.connect(UnixDomainSocketAddress.of(socket))) {
                await(channel, selector, SelectionKey.OP_CONNECT, deadline, timeout);
                channel.finishConnect();
            }
            ByteBuffer request = ByteBuffer.wrap(head(method, target, json));
            while (request.hasRemaining()) {
                if (channel.write(request) == 0) {
                    await(channel, selector, SelectionKey.OP_WRITE, deadline, timeout);
                }
            }
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(8192);
            while (true) {
                int n = channel.read(buf);
                if (n > 0) {
                    raw.write(buf.array(), 0, buf.position());
                    buf.clear();
                    if (raw.size() > MAX_BYTES) {
                        throw new IOException("answer larger than " + MAX_BYTES + " bytes");
                    }
                }
                if (n < 0 || complete(raw.toByteArray())) {
                    break;
                }
                if (n == 0) {
                    await(channel, selector, SelectionKey.OP_READ, deadline, timeout);
                }
            }
            return parse(raw.toByteArray());
        }
    }

    /** The request's bytes: head, and the JSON body if any. */
    static byte[] head(String method, String target, String json) {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + target + " HTTP/1.1\r\nHost: docker\r\nUser-Agent: orrery\r\n"
                + "Accept: application/json\r\nConnection: close\r\n"
                + (json == null ? (method.equals("POST") ? "Content-Length: 0\r\n" : "")
                        : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n") + "\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] out = java.util.Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, out, h.length, body.length);
        return out;
    }

    private static void await(SocketChannel channel, Selector selector, int op, long deadline, Duration timeout)
            throws IOException {
        long left = deadline - System.nanoTime();
        SelectionKey key = channel.register(selector, op);
        int ready = left <= 0 ? 0 : selector.select(Math.max(1, left / 1_000_000));
        key.cancel();
        selector.selectNow();
        if (ready == 0) {
            throw new TimeoutException("no answer within " + timeout.toMillis() + " ms");
        }
    }

    /** Whether a whole answer with a Content-Length has arrived (a server may keep the connection open regardless). */
    private static boolean complete(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String length = header(text.substring(0, end), "content-length");
        return length != null && raw.length - end - 4 >= number(length, 10);
    }

    static Response parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException(raw.length == 0 ? "closed without answering" : "not an HTTP answer");
        }
        String head = text.substring(0, end);
        String[] status = head.split("\r\n", 2)[0].split(" ");
        if (status.length < 2 || !status[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + head.split("\r\n", 2)[0]);
        }
        int code;
        try {
            code = Integer.parseInt(status[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP answer: " + head.split("\r\n", 2)[0], e);
        }
        String body = text.substring(end + 4);
        String encoding = header(head, "transfer-encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = dechunk(body);
        } else {
            String length = header(head, "content-length");
            if (length != null) {
                body = body.substring(0, Math.min(body.length(), number(length, 10)));
            }
        }
        return new Response(code, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }

    private static int number(String text, int radix) throws IOException {
        try {
            return Integer.parseInt(text.strip(), radix);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP answer: bad length " + text.strip(), e);
        }
    }

    private static String dechunk(String body) throws IOException {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int eol = body.indexOf("\r\n", at);
            if (eol < 0) {
                throw new IOException("chunked answer cut short");
            }
            int size = number(body.substring(at, eol).split(";")[0], 16);
            if (size == 0) {
                return out.toString();
            }
            if (eol + 2 + size > body.length()) {
                throw new IOException("chunked answer cut short");
            }
            out.append(body, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
    }
}
