package io.orrery.engine;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One HTTP/1.1 request over a Unix domain socket whose answer is read as it comes, for as long as it lasts: what a
 * followed container log needs. Blocking; {@link #close} from another thread ends a read under way.
 */
public final class UnixStream implements AutoCloseable {
    private final SocketChannel channel;
    private final int status;
    private final InputStream body;

    private UnixStream(SocketChannel channel, int status, InputStream body) {
        this.channel = channel;
        this.status = status;
        this.body = body;
    }

    public static UnixStream open(Path socket, String method, String target) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
            ByteBuffer request = ByteBuffer.wrap(UnixHttp.head(method, target, null));
            while (request.hasRemaining()) {
                channel.write(request);
            }
            InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 8192);
            String head = readHead(in);
            String[] first = head.split("\r\n", 2)[0].split(" ");
            if (first.length < 2 || !first[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP answer: " + head.split("\r\n", 2)[0]);
            }
            int status = Integer.parseInt(first[1]);
            String encoding = UnixHttp.header(head, "transfer-encoding");
            boolean chunked = encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
            return new UnixStream(channel, status, chunked ? new Chunked(in) : in);
        } catch (NumberFormatException e) {
            channel.close();
            throw new IOException("not an HTTP answer", e);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0d0a0d0a) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the answer's head ended");
            }
            head.write(b);
            last4 = (last4 << 8) | b;
            if (head.size() > 64 * 1024) {
                throw new IOException("answer head larger than 64 KiB");
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    public int status() {
        return status;
    }

    /** The body as it arrives (chunked encoding removed); ends when the server ends the answer. */
    public InputStream body() {
        return body;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** A chunked body, decoded. */
    private static final class Chunked extends InputStream {
        private final InputStream in;
        private long left;
        private boolean done;

        Chunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String line = line();
                if (line.isEmpty()) {
                    line = line();
                }
                try {
                    left = Long.parseLong(line.split(";")[0].strip(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("bad chunk size '" + line + "'", e);
                }
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new IOException("chunked answer cut short");
            }
            left -= n;
            return n;
        }

        private String line() throws IOException {
            StringBuilder out = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                if (c != '\r') {
                    out.append((char) c);
                }
                if (out.length() > 100) {
                    throw new IOException("bad chunk header");
                }
            }
            if (c < 0) {
                throw new IOException("chunked answer cut short");
            }
            return out.toString();
        }
    }
}
