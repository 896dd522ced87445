package org.yogaflow.account.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The group-commit writer: batches, idempotency within a batch, and a bad row not failing the rest. */
class SessionWriterTest {

    private static SessionWriter.NewSession session(long user, String key) {
        return new SessionWriter.NewSession(user, "morning-energizer", 600, true, 1_700_000_000_000L, null,
                1_700_000_000_000L, key, key == null ? null : "hash");
    }

    @Test
    void aSessionForAMissingUserFailsAloneAndTheRestOfTheBatchCommits(@TempDir Path dir) throws Exception {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("t.db"), "FULL", 2)) {
            long user = db.store(UserStore.class).insert("a@example.org", null, "x", 1L);
            List<CompletableFuture<SessionWriter.Written>> writes = new ArrayList<>();
            try (SessionWriter writer = db.sessionWriter(64)) {
                for (int i = 0; i < 50; i++) {
                    writes.add(writer.write(session(i == 25 ? 999_999 : user, null)));
                }
                for (int i = 0; i < 50; i++) {
                    if (i == 25) {
                        ExecutionException e = assertThrows(ExecutionException.class, writes.get(i)::get);
                        assertInstanceOf(UnknownUserException.class, e.getCause());
                    } else {
                        assertTrue(writes.get(i).get().created());
                    }
                }
            }
            assertEquals(49, db.store(PracticeStore.class).facts(user).size());
        }
    }

    @Test
    void retriesWithOneKeyInOneBatchStoreOneSession(@TempDir Path dir) throws Exception {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("t.db"), "FULL", 2)) {
            long user = db.store(UserStore.class).insert("a@example.org", null, "x", 1L);
            List<CompletableFuture<SessionWriter.Written>> writes = new ArrayList<>();
            try (SessionWriter writer = db.sessionWriter(64)) {
                for (int i = 0; i < 20; i++) {
                    writes.add(writer.write(session(user, "same-key")));
                }
                int created = 0;
                for (CompletableFuture<SessionWriter.Written> w : writes) {
                    created += w.get().created() ? 1 : 0;
                    assertEquals(writes.get(0).get().row().id(), w.get().row().id());
                }
                assertEquals(1, created);
            }
            assertEquals(1, db.store(PracticeStore.class).facts(user).size());
        }
    }

    @Test
    void closingCommitsWhatWasQueuedAndRefusesMore(@TempDir Path dir) throws Exception {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("t.db"), "FULL", 2)) {
            long user = db.store(UserStore.class).insert("a@example.org", null, "x", 1L);
            SessionWriter writer = db.sessionWriter(8);
            List<CompletableFuture<SessionWriter.Written>> writes = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                writes.add(writer.write(session(user, null)));
            }
            writer.close();
            for (CompletableFuture<SessionWriter.Written> w : writes) {
                assertTrue(w.get().created());
            }
            CompletableFuture<SessionWriter.Written> late = writer.write(session(user, null));
            assertTrue(late.isCompletedExceptionally());
            assertFalse(db.store(PracticeStore.class).facts(user).isEmpty());
            assertEquals(100, db.store(PracticeStore.class).facts(user).size());
        }
    }
}
