package org.yogaflow.account.store;

import java.util.Optional;
import org.jdbi.v3.sqlobject.CreateSqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Accounts. Emails are matched exactly: callers pass them normalized. */
@RegisterConstructorMapper(UserRow.class)
public interface UserStore {

    @SqlUpdate("INSERT INTO users (email, display_name, password_hash, created_at) VALUES (:email, :displayName, :passwordHash, :now)")
    @GetGeneratedKeys("id")
    long insert(String email, String displayName, String passwordHash, long now);

    @CreateSqlObject
    TokenStore tokenStore();

    @CreateSqlObject
    LoginFailureStore loginFailureStore();

    /**
     * Creates an unverified user and its verification token in one transaction; empty if the
     * email is taken. (Transactions begin IMMEDIATE, so the check and the insert cannot race.)
     */
    @Transaction
    default Optional<Long> register(String email, String displayName, String passwordHash, String verifyTokenHash,
                                    long verifyExpiresAt, long now) {
        if (findByEmail(email).isPresent()) {
            return Optional.empty();
        }
        long id = insert(email, displayName, passwordHash, now);
        tokenStore().insertEmailToken(verifyTokenHash, id, "verify", verifyExpiresAt, now);
        return Optional.of(id);
    }

    /** Uses a verification token and marks its user verified; empty if the token is not usable. */
    @Transaction
    default Optional<UserRow> verifyEmail(String tokenHash, long now) {
        Optional<EmailTokenRow> token = tokenStore().consumeEmailToken(tokenHash, "verify", now);
        token.ifPresent(t -> markVerified(t.userId(), now));
        return token.flatMap(t -> findById(t.userId()));
    }

    /**
     * Uses a reset token: sets the new password hash, revokes every refresh token of the user,
     * voids other reset links and lifts a login lock. Empty if the token is not usable.
     */
    @Transaction
    default Optional<UserRow> resetPassword(String tokenHash, String passwordHash, long now) {
        Optional<EmailTokenRow> token = tokenStore().consumeEmailToken(tokenHash, "reset", now);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        long userId = token.get().userId();
        updatePassword(userId, passwordHash, now);
        tokenStore().revokeAllOfUser(userId, now);
        tokenStore().expireEmailTokens(userId, "reset", now);
        Optional<UserRow> user = findById(userId);
        user.ifPresent(u -> loginFailureStore().clear(u.email()));
        return user;
    }

    @SqlQuery("SELECT * FROM users WHERE email = :email")
    Optional<UserRow> findByEmail(String email);

    @SqlQuery("SELECT * FROM users WHERE id = :id")
    Optional<UserRow> findById(long id);

    @SqlQuery("SELECT tokens_valid_after FROM users WHERE id = :id")
    Optional<Long> tokensValidAfter(long id);

    @SqlUpdate("UPDATE users SET email_verified_at = :now WHERE id = :id AND email_verified_at IS NULL")
    int markVerified(long id, long now);

    @SqlUpdate("UPDATE users SET display_name = :displayName WHERE id = :id")
    int updateDisplayName(long id, String displayName);

    /** New password hash; access tokens issued up to now stop working. */
    @SqlUpdate("UPDATE users SET password_hash = :passwordHash, tokens_valid_after = :now WHERE id = :id")
    int updatePassword(long id, String passwordHash, long now);

    /** Deletes the user; every table that refers to users cascades. */
    @SqlUpdate("DELETE FROM users WHERE id = :id")
    int delete(long id);

    @SqlQuery("SELECT count(*) FROM users")
    long count();
}
