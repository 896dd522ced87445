package org.yogaflow.account.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
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
 * (user_id, idempotency_key) backs that up.
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

    private final Handle handle;
    private final PracticeStore store;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(100_000);
    private final Thread thread;
    private volatile boolean accepting = true;

    SessionWriter(Handle handle, int maxBatch) {
        this.handle = handle;
        this.store = handle.attach(PracticeStore.class);
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
        handle.close();
    }

    private void commit(List<Pending> batch) {
        List<Written> results = new ArrayList<>(batch.size());
        try {
            handle.useTransaction(h -> {
                for (Pending p : batch) {
                    results.add(apply(p.session()));
                }
            });
        } catch (RuntimeException batchFailure) {
            // One bad row (say, its user was deleted meanwhile) must not fail the others:
            // retry one transaction per request.
            for (Pending p : batch) {
                try {
                    p.done().complete(handle.inTransaction(h -> apply(p.session())));
                } catch (RuntimeException e) {
                    p.done().completeExceptionally(e);
                }
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(results.get(i));
        }
    }

    private Written apply(NewSession s) {
        if (s.idempotencyKey() != null) {
            Optional<SessionRow> earlier = store.findByIdempotencyKey(s.userId(), s.idempotencyKey());
            if (earlier.isPresent()) {
                return new Written(earlier.get(), false);
            }
        }
        long id = store.insertSession(s.userId(), s.sequence(), s.durationSeconds(), s.completed(), s.startedAt(),
                s.notes(), s.createdAt(), s.idempotencyKey(), s.requestHash());
        return new Written(new SessionRow(id, s.userId(), s.sequence(), s.durationSeconds(), s.completed(),
                s.startedAt(), s.notes(), s.createdAt(), s.idempotencyKey(), s.requestHash()), true);
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
