package org.yogaflow.account.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for new practice sessions. Request threads queue their insert and wait; one
 * writer thread takes everything queued (up to {@code maxBatch}), inserts it in one
 * transaction, commits, and only then completes each waiting request. With
 * {@code synchronous=FULL} one fsync covers the whole batch, so throughput grows with
 * concurrency while every acknowledged session is on disk.
 *
 * <p>Because a single thread writes, idempotency keys need no locking: within a batch, a
 * retry sees the insert of the request before it (same transaction), and the unique index on
 * (user_id, idempotency_key) backs that up. The writer owns its connection and keeps its three
 * statements prepared: this loop is the write path's bottleneck, so it avoids Jdbi's per-call
 * overhead.
 */
public final class SessionWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionWriter.class);

    /** What to insert; {@code idempotencyKey} and {@code requestHash} may be null. */
    public record NewSession(long userId, String sequence, int durationSeconds, boolean completed, long startedAt,
                             String notes, long createdAt, String idempotencyKey, String requestHash) {}

    /** The stored session, and whether this request created it or found an earlier one. */
    public record Written(SessionRow row, boolean created) {}

    private record Pending(NewSession session, CompletableFuture<Written> done) {}

    private static final Pending STOP = new Pending(null, null);

    private final Connection connection;
    private final PreparedStatement insert;
    private final PreparedStatement lastId;
    private final PreparedStatement byKey;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(100_000);
    private final Thread thread;
    private volatile boolean accepting = true;

    SessionWriter(Connection connection, int maxBatch) throws SQLException {
        this.connection = connection;
        this.insert = connection.prepareStatement("INSERT INTO practice_sessions (user_id, sequence, duration_seconds, "
                + "completed, started_at, notes, created_at, idempotency_key, request_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.lastId = connection.prepareStatement("SELECT last_insert_rowid()");
        this.byKey = connection.prepareStatement("SELECT * FROM practice_sessions WHERE user_id = ? AND idempotency_key = ?");
        this.maxBatch = maxBatch;
        this.thread = new Thread(this::run, "session-writer");
        thread.start();
    }

    /** Queues a session; the future completes once it is committed (or fails). */
    public CompletableFuture<Written> write(NewSession session) {
        CompletableFuture<Written> done = new CompletableFuture<>();
        if (!accepting || !queue.offer(new Pending(session, done))) {
            done.completeExceptionally(new IllegalStateException(accepting ? "write queue full" : "shutting down"));
        }
        return done;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, maxBatch - 1);
            stopping = batch.remove(STOP);
            if (!batch.isEmpty()) {
                commit(batch);
            }
            batch.clear();
        }
        // Anything queued after STOP was refused by write(); complete stragglers anyway.
        for (Pending p; (p = queue.poll()) != null; ) {
            if (p != STOP) {
                p.done().completeExceptionally(new IllegalStateException("shutting down"));
            }
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing the writer connection: {}", e.getMessage());
        }
    }

    private void commit(List<Pending> batch) {
        List<Written> results = new ArrayList<>(batch.size());
        try {
            connection.setAutoCommit(false);
            for (Pending p : batch) {
                results.add(apply(p.session()));
            }
            connection.commit();
        } catch (SQLException batchFailure) {
            rollback();
            // One bad row (say, its user was deleted meanwhile) must not fail the others:
            // retry one transaction per request.
            for (Pending p : batch) {
                try {
                    connection.setAutoCommit(false);
                    Written w = apply(p.session());
                    connection.commit();
                    p.done().complete(w);
                } catch (SQLException e) {
                    rollback();
                    boolean userGone = String.valueOf(e.getMessage()).contains("FOREIGN KEY");
                    p.done().completeExceptionally(userGone ? new UnknownUserException(p.session().userId()) : e);
                }
            }
            return;
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the next batch sets it again
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(results.get(i));
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warn("rollback failed: {}", e.getMessage());
        }
    }

    private Written apply(NewSession s) throws SQLException {
        if (s.idempotencyKey() != null) {
            Optional<SessionRow> earlier = findByKey(s.userId(), s.idempotencyKey());
            if (earlier.isPresent()) {
                return new Written(earlier.get(), false);
            }
        }
        insert.setLong(1, s.userId());
        insert.setString(2, s.sequence());
        insert.setInt(3, s.durationSeconds());
        insert.setInt(4, s.completed() ? 1 : 0);
        insert.setLong(5, s.startedAt());
        setNullable(6, s.notes());
        insert.setLong(7, s.createdAt());
        setNullable(8, s.idempotencyKey());
        setNullable(9, s.requestHash());
        insert.executeUpdate();
        long id;
        try (ResultSet rs = lastId.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
        }
        return new Written(new SessionRow(id, s.userId(), s.sequence(), s.durationSeconds(), s.completed(),
                s.startedAt(), s.notes(), s.createdAt(), s.idempotencyKey(), s.requestHash()), true);
    }

    private void setNullable(int index, String value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.VARCHAR);
        } else {
            insert.setString(index, value);
        }
    }

    private Optional<SessionRow> findByKey(long userId, String key) throws SQLException {
        byKey.setLong(1, userId);
        byKey.setString(2, key);
        try (ResultSet rs = byKey.executeQuery()) {
            return rs.next() ? Optional.of(Rows.session(rs)) : Optional.empty();
        }
    }

    /** Commits everything queued so far, then stops the writer thread. */
    @Override
    public void close() {
        accepting = false;
        try {
            queue.put(STOP);
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("session writer did not stop within 30 s");
        }
    }
}
