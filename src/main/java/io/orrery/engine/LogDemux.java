package io.orrery.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits a container's log stream as the engine API sends it without a terminal: frames of an 8-byte header
 * (stream 1 = stdout, 2 = stderr, then the payload size, big-endian, in bytes 4 to 7) and the payload. Each frame is
 * written and flushed as it comes, so a reader of the files sees lines while the container runs. Each stream keeps
 * at most a limit of bytes (a container printing for ever must not fill the disk): past it, one line says the rest
 * was dropped, and the stream is read on to its end.
 */
final class LogDemux {
    /** The most each of stdout and stderr keeps: 1 GiB. */
    static final long LIMIT = 1L << 30;

    private LogDemux() {
    }

    static void copy(InputStream in, OutputStream stdout, OutputStream stderr) throws IOException {
        copy(in, stdout, stderr, LIMIT);
    }

    static void copy(InputStream in, OutputStream stdout, OutputStream stderr, long limit) throws IOException {
        byte[] header = new byte[8];
        byte[] buf = new byte[64 * 1024];
        long[] kept = new long[2];
        while (in.readNBytes(header, 0, 8) == 8) {
            long size = ((header[4] & 0xffL) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8)
                    | (header[7] & 0xff);
            int which = header[0] == 2 ? 1 : 0;
            OutputStream out = which == 1 ? stderr : stdout;
            boolean wasFull = kept[which] >= limit;
            while (size > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, size));
                if (n < 0) {
                    throw new IOException("log stream cut short");
                }
                int keep = (int) Math.max(0, Math.min(n, limit - kept[which]));
                out.write(buf, 0, keep);
                kept[which] += keep;
                size -= n;
            }
            if (!wasFull && kept[which] >= limit) {
                out.write(("\n[orrery: this log reached " + limit + " bytes; the rest was dropped]\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
        }
    }
}
