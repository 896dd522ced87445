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
     * Rotates a refresh token, check and write in one transaction (IMMEDIATE: concurrent
     * refreshes of one token queue behind each other, so the second sees the first one's
     * rotation). {@code chain} holds the hashes of the presented token and of its successors,
     * each derived from the one before (see {@code TokenService}), so a family's chain can be
     * followed without the store ever seeing a token. Returns the row of the token to hand out:
     * <ul>
     * <li>presented token unused: it is marked used and {@code chain[1]} is inserted in its
     *     family and returned (a normal rotation);
     * <li>used less than {@code graceMillis} ago: the chain is followed to the family's live
     *     token, which is returned unchanged (the client lost the answer that carried it);
     *     nothing is written, so the family keeps exactly one live token;
     * <li>used longer ago: the whole family is revoked (the token was stolen or replayed), empty.
     * </ul>
     * A revoked (logout, password reset, family revocation), expired or unknown token gives
     * empty, grace or not; so does a chain that leaves the family or ends in a revoked token.
     */
    @Transaction
    default Optional<RefreshTokenRow> rotate(List<String> chain, long expiresAt, long now, long graceMillis) {
        Optional<RefreshTokenRow> found = findRefreshToken(chain.get(0));
        if (found.isEmpty() || found.get().expiresAt() <= now) {
            return Optional.empty();
        }
        RefreshTokenRow presented = found.get();
        if (presented.revokedAt() != null) {
            revokeFamily(presented.familyId(), now);
            return Optional.empty();
        }
        if (presented.usedAt() == null) {
            if (markRefreshTokenUsed(presented.tokenHash(), now) != 1) {
                return Optional.empty(); // unreachable inside the transaction; never rotate twice
            }
            insertRefreshToken(chain.get(1), presented.familyId(), presented.userId(), expiresAt, now);
            return Optional.of(new RefreshTokenRow(chain.get(1), presented.familyId(), presented.userId(), expiresAt,
                    null, null, now));
        }
        if (now - presented.usedAt() >= graceMillis) {
            revokeFamily(presented.familyId(), now);
            return Optional.empty();
        }
        // Each successor was created when its predecessor was used, so all are inside the grace too.
        for (String hash : chain.subList(1, chain.size())) {
            Optional<RefreshTokenRow> next = findRefreshToken(hash)
                    .filter(row -> row.familyId().equals(presented.familyId()));
            if (next.isEmpty() || next.get().revokedAt() != null || next.get().expiresAt() <= now) {
                return Optional.empty();
            }
            if (next.get().usedAt() == null) {
                return next;
            }
        }
        return Optional.empty();
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
