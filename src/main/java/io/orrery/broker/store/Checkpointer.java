package io.orrery.broker.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Copies the write-ahead log into the database file every tenth of a second, on its own thread and connection, so
 * that the copy and its fsyncs are not done by whichever commit happens to fill the log. A passive checkpoint never
 * blocks the writer; the writer's own checkpoint, at {@link #SAFETY_PAGES} pages of log, stays as the bound should
 * these fall behind, and then has little left to copy. A failed checkpoint is tried again at the next tick (the log
 * only grows meanwhile).
 */
final class Checkpointer implements AutoCloseable {
    /** The writer's own checkpoint threshold (pages of 4 KiB): SQLite's default is 1,000. */
    static final int SAFETY_PAGES = 10_000;
    /**
     * How often: small copies keep each fsync short (loadtest --modes data, three periods measured: 100 ms gave 1,084
     * offer requests/s at p99 44 ms, 200 ms 1,060-1,122 at 56, 1 s 997-1,085 at 88; the writer checkpointing alone
     * at SQLite's 1,000 pages, 830 at 42).
     */
    static final long EVERY_MS = 100;

    private final Connection db;
    private final ScheduledExecutorService timer;

    Checkpointer(Path file) throws SQLException {
        db = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement st = db.createStatement()) {
            st.execute("PRAGMA busy_timeout=5000");
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "orrery-checkpoint");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::checkpoint, EVERY_MS, EVERY_MS, TimeUnit.MILLISECONDS);
    }

    private void checkpoint() {
        try (Statement st = db.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException e) {
            // tried again at the next tick; the writer's own checkpoint bounds the log meanwhile
        }
    }

    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            db.close();
        } catch (SQLException e) {
            // the writer's connection closes after this one and checkpoints what is left
        }
    }
}
