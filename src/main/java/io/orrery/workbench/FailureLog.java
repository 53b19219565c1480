package io.orrery.workbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The window's log, through java.util.logging: {@code logs/orrery.0.log} in the configuration directory (the
 * newest), rotated at 1 MiB into {@code orrery.1.log} and {@code orrery.2.log}, kept across restarts. It is
 * attached to the {@code io.orrery} logger. Secrets never reach it: passwords, tokens, Authorization headers and
 * the credentials in URLs are masked in every message and in every exception message of a stack.
 */
public final class FailureLog implements AutoCloseable {
    /** Bytes per file before it is rotated. */
    public static final int LIMIT = 1 << 20;
    /** Files kept: the newest and two older ones. */
    public static final int COUNT = 3;

    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s]+@");
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "(?i)\\b((?:proxy-)?authorization\\s*[:=]\\s*)(?:(basic|bearer|token|digest)\\s+)?\\S+");
    private static final Pattern SCHEME = Pattern.compile("(?i)\\b(basic|bearer)\\s+[A-Za-z0-9._~+/-]{8,}=*");
    private static final Pattern SECRET_FIELD = Pattern.compile("(?i)(\"?\\b(?:password|passwd|pwd|secret|token"
            + "|api[-_]?key|access[-_]?token|refresh[-_]?token|client[-_]?secret)\"?\\s*[:=]\\s*)"
            + "(\"[^\"]*\"|'[^']*'|[^\\s,;&}\\]]+)");

    private final Path directory;
    private final Logger logger;
    private final FileHandler handler;

    private FailureLog(Path directory, Logger logger, FileHandler handler) {
        this.directory = directory;
        this.logger = logger;
        this.handler = handler;
    }

    /** Opens (appending to) the log under {@code configDir/logs}, readable by its owner only where the system allows. */
    public static FailureLog open(Path configDir) throws IOException {
        return open(configDir, LIMIT, COUNT);
    }

    /** As {@link #open(Path)}, rotating at {@code limit} bytes over {@code count} files. */
    public static FailureLog open(Path configDir, int limit, int count) throws IOException {
        Path dir = configDir.resolve("logs");
        Files.createDirectories(dir);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            // the system's own defaults then
        }
        // % starts a FileHandler pattern field, so a directory name holding one is escaped
        String pattern = dir.toAbsolutePath().toString().replace("%", "%%") + "/orrery.%g.log";
        FileHandler h = new FileHandler(pattern, limit, count, true);
        h.setEncoding("UTF-8");
        h.setFormatter(new Plain());
        h.setLevel(Level.ALL);
        Logger logger = Logger.getLogger("io.orrery");
        logger.addHandler(h);
        logger.setUseParentHandlers(false); // the console sees only what the window prints itself, masked
        FailureLog log = new FailureLog(dir, logger, h);
        logger.info(() -> io.orrery.model.Version.text() + " window started on Java " + Runtime.version()
                + " (pid " + ProcessHandle.current().pid() + ")");
        return log;
    }

    /** The newest log file. */
    public Path file() {
        return directory.resolve("orrery.0.log");
    }

    /** Writes an exception nothing caught, with its stack, and which thread it ended. */
    public void failure(Thread thread, Throwable e) {
        LogRecord r = new LogRecord(Level.SEVERE, "Uncaught exception on thread \"" + thread.getName() + "\"");
        r.setThrown(e);
        r.setLoggerName(logger.getName());
        logger.log(r);
        handler.flush();
    }

    /** Writes a line (masked like everything else). */
    public void info(String message) {
        logger.info(message);
        handler.flush();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        if (logger.getHandlers().length == 0) {
            logger.setUseParentHandlers(true);
        }
        handler.close();
    }

    /** The text with passwords, tokens, Authorization values and URL credentials replaced by ***. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String s = URL_CREDENTIALS.matcher(text).replaceAll("$1***@");
        s = AUTHORIZATION.matcher(s).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1)
                + (m.group(2) == null ? "" : m.group(2) + " ") + "***"));
        s = SCHEME.matcher(s).replaceAll("$1 ***");
        return SECRET_FIELD.matcher(s).replaceAll("$1***");
    }

    /** One line per record (time, level, message), then the stack as Java prints it, every message masked. */
    static final class Plain extends Formatter {
        @Override
        public String format(LogRecord r) {
            StringBuilder out = new StringBuilder();
            out.append(Instant.ofEpochMilli(r.getMillis())).append(' ').append(r.getLevel().getName()).append(' ')
                    .append(redact(formatMessage(r))).append(System.lineSeparator());
            if (r.getThrown() != null) {
                stack(out, r.getThrown());
            }
            return out.toString();
        }
    }

    /** The stack of e as {@link Throwable#printStackTrace()} prints it, with every message masked. */
    static String stack(Throwable e) {
        StringBuilder out = new StringBuilder();
        stack(out, e);
        return out.toString();
    }

    private static void stack(StringBuilder out, Throwable e) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        enclosed(out, e, new StackTraceElement[0], "", "", seen);
    }

    private static void enclosed(StringBuilder out, Throwable e, StackTraceElement[] enclosing, String caption,
                                 String prefix, Set<Throwable> seen) {
        String nl = System.lineSeparator();
        if (!seen.add(e)) {
            out.append(prefix).append(caption).append("[CIRCULAR REFERENCE: ").append(line(e)).append(']').append(nl);
            return;
        }
        StackTraceElement[] trace = e.getStackTrace();
        int m = trace.length - 1;
        int n = enclosing.length - 1;
        while (m >= 0 && n >= 0 && trace[m].equals(enclosing[n])) {
            m--;
            n--;
        }
        int common = trace.length - 1 - m;
        out.append(prefix).append(caption).append(line(e)).append(nl);
        for (int i = 0; i <= m; i++) {
            out.append(prefix).append("\tat ").append(trace[i]).append(nl);
        }
        if (common != 0) {
            out.append(prefix).append("\t... ").append(common).append(" more").append(nl);
        }
        for (Throwable s : e.getSuppressed()) {
            enclosed(out, s, trace, "Suppressed: ", prefix + "\t", seen);
        }
        if (e.getCause() != null) {
            enclosed(out, e.getCause(), trace, "Caused by: ", prefix, seen);
        }
    }

    private static String line(Throwable e) {
        String m = e.getLocalizedMessage();
        return e.getClass().getName() + (m == null ? "" : ": " + redact(m));
    }
}
