package io.orrery.broker.whatif;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The Standard Workload Format of the Parallel Workloads Archive: header comments starting with {@code ;}, then
 * one job a line, 18 whitespace-separated fields, -1 where a value is unknown. Read here: job number (1), submit
 * time (2), run time (4), allocated processors (5, else requested, 8), used memory per processor in KB (7, else
 * requested, 10). Jobs that never ran (run time or processors unknown or zero) are skipped and counted.
 */
public final class SwfTrace {
    /** What a trace holds: its header comment lines, its jobs in submit order, and how many lines were skipped. */
    public record Trace(List<String> header, List<TraceJob> jobs, int skipped) {
    }

    private SwfTrace() {}

    public static Trace read(Reader in, String source) {
        List<String> header = new ArrayList<>();
        List<TraceJob> jobs = new ArrayList<>();
        int skipped = 0;
        try (BufferedReader r = new BufferedReader(in)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                String t = line.strip();
                if (t.isEmpty()) {
                    continue;
                }
                if (t.startsWith(";")) {
                    header.add(t.substring(1).strip());
                    continue;
                }
                String[] f = t.split("\\s+");
                if (f.length < 18) {
                    throw new TraceFormatException(source + ":" + n + ": a job line has 18 fields, this one "
                            + f.length + " (is this a Standard Workload Format file?)");
                }
                long id = field(f, 1, source, n, "job number");
                long submit = field(f, 2, source, n, "submit time");
                long runtime = field(f, 4, source, n, "run time");
                long procs = field(f, 5, source, n, "allocated processors");
                if (procs <= 0) {
                    procs = field(f, 8, source, n, "requested processors");
                }
                long memKb = field(f, 7, source, n, "used memory");
                if (memKb <= 0) {
                    memKb = field(f, 10, source, n, "requested memory");
                }
                if (runtime <= 0 || procs <= 0 || submit < 0) {
                    skipped++;
                    continue;
                }
                long memGiB = memKb <= 0 ? 0 : Math.max(1, (memKb * procs + (1L << 20) - 1) >> 20);
                jobs.add(new TraceJob(id, submit, runtime, procs, memGiB));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
        jobs.sort(java.util.Comparator.comparingLong(TraceJob::submit).thenComparingLong(TraceJob::id));
        return new Trace(List.copyOf(header), jobs, skipped);
    }

    private static long field(String[] f, int number, String source, int line, String name) {
        String v = f[number - 1];
        try {
            return v.contains(".") ? Math.round(Double.parseDouble(v)) : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new TraceFormatException(source + ":" + line + ": field " + number + " (" + name + ") is '" + v
                    + "', not a number");
        }
    }

    /** Writes jobs as SWF, with the header lines as comments; unknown fields are -1. */
    public static void write(List<TraceJob> jobs, List<String> header, Writer out) throws IOException {
        for (String h : header) {
            out.write("; " + h + "\n");
        }
        for (TraceJob j : jobs) {
            long memKb = j.memoryGiB() <= 0 ? -1 : (j.memoryGiB() << 20) / j.cores();
            out.write(j.id() + " " + j.submit() + " -1 " + j.runtime() + " " + j.cores() + " -1 " + memKb + " "
                    + j.cores() + " " + j.runtime() + " " + memKb + " 1 -1 -1 -1 -1 -1 -1 -1\n");
        }
    }
}
