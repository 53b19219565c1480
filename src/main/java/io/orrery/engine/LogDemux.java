package io.orrery.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Splits a container's log stream as the engine API sends it without a terminal: frames of an 8-byte header
 * (stream 1 = stdout, 2 = stderr, then the payload size, big-endian, in bytes 4 to 7) and the payload. Each frame is
 * written and flushed as it comes, so a reader of the files sees lines while the container runs.
 */
final class LogDemux {
    private LogDemux() {
    }

    static void copy(InputStream in, OutputStream stdout, OutputStream stderr) throws IOException {
        byte[] header = new byte[8];
        byte[] buf = new byte[64 * 1024];
        while (in.readNBytes(header, 0, 8) == 8) {
            long size = ((header[4] & 0xffL) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8)
                    | (header[7] & 0xff);
            OutputStream out = header[0] == 2 ? stderr : stdout;
            while (size > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, size));
                if (n < 0) {
                    throw new IOException("log stream cut short");
                }
                out.write(buf, 0, n);
                size -= n;
            }
            out.flush();
        }
    }
}
