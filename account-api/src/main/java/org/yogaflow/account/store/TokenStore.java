package org.yogaflow.account.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Email tokens, refresh tokens and revoked access tokens. Only hashes of tokens are stored. */
@RegisterConstructorMapper(EmailTokenRow.class)
@RegisterConstructorMapper(RefreshTokenRow.class)
@RegisterConstructorMapper(RevokedToken.class)
public interface TokenStore {

    @SqlUpdate("INSERT INTO email_tokens (token_hash, user_id, purpose, expires_at, created_at) VALUES (:tokenHash, :userId, :purpose, :expiresAt, :now)")
    void insertEmailToken(String tokenHash, long userId, String purpose, long expiresAt, long now);

    /** Marks a token used if it is unused and unexpired; returns it then, else empty. */
    @Transaction
    default Optional<EmailTokenRow> consumeEmailToken(String tokenHash, String purpose, long now) {
        int changed = markEmailTokenUsed(tokenHash, purpose, now);
        return changed == 1 ? findEmailToken(tokenHash) : Optional.empty();
    }

    @SqlUpdate("UPDATE email_tokens SET used_at = :now WHERE token_hash = :tokenHash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now")
    int markEmailTokenUsed(String tokenHash, String purpose, long now);

    @SqlQuery("SELECT * FROM email_tokens WHERE token_hash = :tokenHash")
    Optional<EmailTokenRow> findEmailToken(String tokenHash);

    /** Older unused reset links stop working when a new one is sent or a password is reset. */
    @SqlUpdate("UPDATE email_tokens SET used_at = :now WHERE user_id = :userId AND purpose = :purpose AND used_at IS NULL")
    int expireEmailTokens(long userId, String purpose, long now);

    @SqlUpdate("INSERT INTO refresh_tokens (token_hash, family_id, user_id, expires_at, created_at) VALUES (:tokenHash, :familyId, :userId, :expiresAt, :now)")
    void insertRefreshToken(String tokenHash, String familyId, long userId, long expiresAt, long now);

    @SqlQuery("SELECT * FROM refresh_tokens WHERE token_hash = :tokenHash")
    Optional<RefreshTokenRow> findRefreshToken(String tokenHash);

    /** Marks a refresh token used, only if it is still usable; 1 if this call won the race. */
    @SqlUpdate("UPDATE refresh_tokens SET used_at = :now WHERE token_hash = :tokenHash AND used_at IS NULL AND revoked_at IS NULL AND expires_at > :now")
    int markRefreshTokenUsed(String tokenHash, long now);

    @SqlUpdate("UPDATE refresh_tokens SET revoked_at = :now WHERE family_id = :familyId AND revoked_at IS NULL")
    int revokeFamily(String familyId, long now);

    @SqlUpdate("UPDATE refresh_tokens SET revoked_at = :now WHERE user_id = :userId AND revoked_at IS NULL")
    int revokeAllOfUser(long userId, long now);

    /**
     * Rotates {@code oldHash} to {@code newHash} in one transaction. Returns the old row when it
     * was usable; when it had already been used or revoked, revokes its whole family (the token
     * was stolen or replayed) and returns empty. Unknown or expired tokens also give empty.
     */
    @Transaction
    default Optional<RefreshTokenRow> rotate(String oldHash, String newHash, long expiresAt, long now) {
        Optional<RefreshTokenRow> old = findRefreshToken(oldHash);
        if (old.isEmpty()) {
            return Optional.empty();
        }
        RefreshTokenRow row = old.get();
        if (markRefreshTokenUsed(oldHash, now) != 1) {
            if (row.usedAt() != null || row.revokedAt() != null) {
                revokeFamily(row.familyId(), now);
            }
            return Optional.empty();
        }
        insertRefreshToken(newHash, row.familyId(), row.userId(), expiresAt, now);
        return old;
    }

    @SqlUpdate("INSERT INTO revoked_access_tokens (jti, expires_at) VALUES (:jti, :expiresAt) ON CONFLICT (jti) DO NOTHING")
    void revokeAccessToken(String jti, long expiresAt);

    @SqlQuery("SELECT jti, expires_at FROM revoked_access_tokens WHERE expires_at > :now")
    List<RevokedToken> revokedAccessTokens(long now);

    /** Drops rows nobody can use any more; run now and then. */
    @Transaction
    default int purgeExpired(long now) {
        return purgeRevokedAccess(now) + purgeRefresh(now) + purgeEmail(now);
    }

    @SqlUpdate("DELETE FROM revoked_access_tokens WHERE expires_at <= :now")
    int purgeRevokedAccess(long now);

    @SqlUpdate("DELETE FROM refresh_tokens WHERE expires_at <= :now")
    int purgeRefresh(long now);

    @SqlUpdate("DELETE FROM email_tokens WHERE expires_at <= :now")
    int purgeEmail(long now);
}
