package io.orrery.broker.store;

import io.orrery.broker.store.StoreException;
import io.orrery.broker.calendar.Shape;
import io.orrery.model.PhaseChange;
import io.orrery.broker.session.SessionPlan;
import io.orrery.broker.store.SessionStore;
import io.orrery.model.SessionPhase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps offer sets, sessions and phase changes in a SQLite database (WAL journal): each call is one transaction,
 * written before the broker answers, so an acknowledged accept survives even {@code kill -9}. Used under the
 * broker core's lock, so one connection serves.
 */
public final class SqliteStore implements SessionStore {
    private final Connection db;
    private final PreparedStatement insertSet;
    private final PreparedStatement insertSession;
    private final PreparedStatement insertPhase;
    private long sequence;
    /** Copies the log into the database file off the commits. */
    private final Checkpointer checkpointer;

    public SqliteStore(Path dir) {
        try {
            Files.createDirectories(dir);
            db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("broker.db"));
            try (Statement st = db.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=NORMAL");
                st.execute("PRAGMA wal_autocheckpoint=" + Checkpointer.SAFETY_PAGES);
                st.execute("PRAGMA busy_timeout=5000");
                st.execute("CREATE TABLE IF NOT EXISTS offersets(uuid TEXT PRIMARY KEY, seq INTEGER NOT NULL,"
                        + " created TEXT NOT NULL, result TEXT NOT NULL, messages TEXT, owner TEXT, dialect TEXT)");
                st.execute("CREATE TABLE IF NOT EXISTS sessions(uuid TEXT PRIMARY KEY, offerset TEXT NOT NULL,"
                        + " seq INTEGER NOT NULL, offer BLOB NOT NULL, preparing TEXT NOT NULL, start TEXT NOT NULL,"
                        + " finish TEXT NOT NULL, released TEXT NOT NULL, shape TEXT NOT NULL, expires TEXT NOT NULL)");
                st.execute("CREATE TABLE IF NOT EXISTS phases(id INTEGER PRIMARY KEY AUTOINCREMENT,"
                        + " session TEXT NOT NULL, phase TEXT NOT NULL, at TEXT NOT NULL, reason TEXT)");
                st.execute("CREATE INDEX IF NOT EXISTS phases_by_session ON phases(session, id)");
                try (ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM sessions")) {
                    sequence = rs.next() ? rs.getLong(1) : 0;
                }
            }
            db.setAutoCommit(false);
            insertSet = db.prepareStatement("INSERT INTO offersets VALUES (?, ?, ?, ?, ?, ?, ?)");
            insertSession = db.prepareStatement("INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            insertPhase = db.prepareStatement("INSERT INTO phases(session, phase, at, reason) VALUES (?, ?, ?, ?)");
            checkpointer = new Checkpointer(dir.resolve("broker.db"));
        } catch (java.io.IOException | SQLException e) {
            throw new StoreException("cannot open the broker database in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int adoptUnowned(String owner) {
        try (PreparedStatement st = db.prepareStatement("UPDATE offersets SET owner = ? WHERE owner IS NULL")) {
            st.setString(1, owner);
            int n = st.executeUpdate();
            db.commit();
            return n;
        } catch (SQLException e) {
            rollback();
            throw new StoreException("cannot give the ownerless offer sets to " + owner + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void saveOfferSet(StoredOfferSet set) {
        try {
            insertOfferSet(set);
            db.commit();
        } catch (SQLException e) {
            rollback();
            throw new StoreException("cannot store offer set " + set.uuid() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void savePhases(List<StoredPhase> changes) {
        try {
            insertPhases(changes);
            db.commit();
        } catch (SQLException e) {
            rollback();
            throw new StoreException("cannot store phase changes: " + e.getMessage(), e);
        }
    }

    /** Writes an offer set with its offers into the open transaction (committed by the caller). */
    void insertOfferSet(StoredOfferSet set) throws SQLException {
        long seq = ++sequence;
        insertSet.setString(1, set.uuid());
        insertSet.setLong(2, seq);
        insertSet.setString(3, set.created().toString());
        insertSet.setString(4, set.result());
        insertSet.setString(5, set.messagesJson());
        insertSet.setString(6, set.owner());
        insertSet.setString(7, set.dialect());
        insertSet.executeUpdate();
        for (StoredSession s : set.offers()) {
            insertSession.setString(1, s.uuid());
            insertSession.setString(2, set.uuid());
            insertSession.setLong(3, ++sequence);
            insertSession.setBytes(4, s.offer());
            insertSession.setString(5, s.plan().preparing().toString());
            insertSession.setString(6, s.plan().start().toString());
            insertSession.setString(7, s.plan().end().toString());
            insertSession.setString(8, s.plan().releaseEnd().toString());
            insertSession.setString(9, s.shape().encode());
            insertSession.setString(10, s.expires().toString());
            insertSession.addBatch();
            for (PhaseChange c : s.history()) {
                addPhase(s.uuid(), c);
            }
        }
        insertSession.executeBatch();
        insertPhase.executeBatch();
    }

    /** Writes phase changes into the open transaction (committed by the caller). */
    void insertPhases(List<StoredPhase> changes) throws SQLException {
        for (StoredPhase p : changes) {
            addPhase(p.session(), p.change());
        }
        insertPhase.executeBatch();
    }

    /** Commits the open transaction. */
    void commit() throws SQLException {
        db.commit();
    }

    private void addPhase(String session, PhaseChange c) throws SQLException {
        insertPhase.setString(1, session);
        insertPhase.setString(2, c.phase().name());
        insertPhase.setString(3, c.at().toString());
        insertPhase.setString(4, c.reason());
        insertPhase.addBatch();
    }

    @Override
    public List<StoredOfferSet> load() {
        try (Statement st = db.createStatement()) {
            Map<String, List<PhaseChange>> history = new HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT session, phase, at, reason FROM phases ORDER BY id")) {
                while (rs.next()) {
                    history.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new PhaseChange(
                            SessionPhase.valueOf(rs.getString(2)), Instant.parse(rs.getString(3)), rs.getString(4)));
                }
            }
            Map<String, List<StoredSession>> bySet = new HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT uuid, offerset, offer, preparing, start, finish, released, shape,"
                    + " expires FROM sessions ORDER BY seq")) {
                while (rs.next()) {
                    String uuid = rs.getString(1);
                    SessionPlan plan = new SessionPlan(uuid, Instant.parse(rs.getString(4)), Instant.parse(rs.getString(5)),
                            Instant.parse(rs.getString(6)), Instant.parse(rs.getString(7)));
                    bySet.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(new StoredSession(uuid,
                            rs.getBytes(3), plan, Shape.decode(rs.getString(8)), Instant.parse(rs.getString(9)),
                            history.getOrDefault(uuid, List.of())));
                }
            }
            Map<String, StoredOfferSet> sets = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT uuid, created, result, messages, owner, dialect FROM offersets"
                    + " ORDER BY seq")) {
                while (rs.next()) {
                    String uuid = rs.getString(1);
                    sets.put(uuid, new StoredOfferSet(uuid, Instant.parse(rs.getString(2)), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), bySet.getOrDefault(uuid, List.of())));
                }
            }
            return List.copyOf(sets.values());
        } catch (SQLException e) {
            throw new StoreException("cannot read the broker database: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean persistent() {
        return true;
    }

    /** Drops the open transaction (the failure that caused it is what is reported). */
    void rollback() {
        try {
            insertSession.clearBatch();
            insertPhase.clearBatch();
            db.rollback();
        } catch (SQLException ignored) {
            // the original failure is what is reported
        }
    }

    @Override
    public void close() {
        checkpointer.close();
        try {
            db.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the broker database: " + e.getMessage(), e);
        }
    }
}
