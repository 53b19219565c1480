package io.orrery.tools;

import io.orrery.broker.BrokerCore;
import io.orrery.broker.RequestContext;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.codec.Dialect;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Clock;

/**
 * {@code orrery bench --expansion}: how many bytes of heap one request allocates per byte of its body, for the
 * largest valid body the broker takes (about 1 MiB: the load test's storm body), from text to offers written out.
 * What is allocated bounds what is alive at once, so this ratio is the expansion factor the server's heap
 * arithmetic uses (BrokerServer.BODY_BUDGET); and how much heap each open offer holds (BrokerServer.MAX_OFFERS).
 */
final class ExpansionBench {
    private ExpansionBench() {}

    static void run(PrintWriter out) {
        String body = BodyStorm.body(0);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        BrokerCore core = new BrokerCore(PlatformCatalog.find("cloud").orElseThrow(), Clock.systemUTC());
        double worst = 0;
        double sum = 0;
        int rounds = 20;
        for (int i = 0; i < rounds + 5; i++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            ExecutionRequest r = WireCodec.readAs(text, Format.YAML, ExecutionRequest.class);
            byte[] answer = WireCodec.writeCompact(core.requestTree(r, RequestContext.ANONYMOUS), Format.YAML,
                    Dialect.NEWEST);
            double ratio = (threads.getCurrentThreadAllocatedBytes() - before) / (double) bytes.length;
            if (i >= 5) {
                worst = Math.max(worst, ratio);
                sum += ratio;
            }
            if (answer.length == 0) {
                throw new IllegalStateException("no answer");
            }
        }
        out.printf("request of %,d bytes: allocates %.1f bytes per body byte on average, %.1f at most (%d rounds)%n",
                body.length(), sum / rounds, worst, rounds);
        held(out, 20_000);
    }

    /** Heap per open offer: a broker filled with n offers of ordinary requests, measured after a full collection. */
    private static void held(PrintWriter out, int n) {
        BrokerCore core = new BrokerCore(PlatformCatalog.find("cloud").orElseThrow(), Clock.systemUTC());
        ExecutionRequest r = BenchSupport.request(1, "PT1H");
        long before = usedAfterGc();
        int offers = 0;
        while (offers < n) {
            var set = core.request(r);
            offers += set.offers() == null ? 1 : set.offers().size();
        }
        long after = usedAfterGc();
        out.printf("%,d open offers hold %.1f MiB of heap: %.2f KiB each%n", offers, (after - before) / 1048576.0,
                (after - before) / 1024.0 / offers);
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
