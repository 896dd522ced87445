package org.yogaflow.account.store;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Consecutive failed logins per email, for the lockout. */
@RegisterConstructorMapper(LoginFailureRow.class)
public interface LoginFailureStore {

    @SqlQuery("SELECT * FROM login_failures WHERE email = :email")
    Optional<LoginFailureRow> find(String email);

    /**
     * Counts one more failure and locks the email once {@code limit} are reached. A lock that
     * has run out starts a fresh count. Returns the row as it now is.
     */
    @Transaction
    default LoginFailureRow recordFailure(String email, int limit, long lockMillis, long now) {
        LoginFailureRow row = find(email).orElse(new LoginFailureRow(email, 0, null, now));
        int failures = row.lockedUntil() != null && row.lockedUntil() <= now ? 1 : row.failures() + 1;
        Long lockedUntil = failures >= limit ? Long.valueOf(now + lockMillis) : null;
        upsert(email, failures, lockedUntil, now);
        return new LoginFailureRow(email, failures, lockedUntil, now);
    }

    @SqlUpdate("INSERT INTO login_failures (email, failures, locked_until, updated_at) VALUES (:email, :failures, :lockedUntil, :now)"
            + " ON CONFLICT (email) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until, updated_at = excluded.updated_at")
    void upsert(String email, int failures, Long lockedUntil, long now);

    @SqlUpdate("DELETE FROM login_failures WHERE email = :email")
    int clear(String email);

    /** Forgets failures older than {@code before} that hold no lock any more. */
    @SqlUpdate("DELETE FROM login_failures WHERE updated_at < :before AND (locked_until IS NULL OR locked_until < :now)")
    int purge(long before, long now);
}
